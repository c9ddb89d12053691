import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetGuild, openExisting, openFeedback, type Feedback, type QuestionRecord } from '../../src/feedback/index.js';
import { SCHEMA_VERSION } from '../../src/feedback/schema.js';
import { makeReadOnly, recordingLogger, tempDatabasePath } from './helpers.js';

const GUILD = '1180000000000000100';
const OTHER_GUILD = '1180000000000000900';
const USER = '1180000000000000201';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

const opened: Feedback[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const feedback of opened.splice(0)) feedback.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function open(path: string, options: { now?: () => number; retentionDays?: number } = {}) {
  const log = recordingLogger();
  const feedback = openFeedback({ path, retentionDays: options.retentionDays ?? 90, logger: log.logger, now: options.now ?? (() => T0) });
  opened.push(feedback);
  return { feedback, log, warnings: () => log.lines().filter((line) => line.level === 40) };
}

const noMatch = (question: string, extra: Partial<QuestionRecord> = {}): QuestionRecord => ({
  guild: GUILD,
  channelKind: 'text',
  via: 'ask',
  status: 'no_match',
  question,
  unitId: null,
  confidence: null,
  closestTopics: ['中美关系'],
  ...extra,
});

describe('GIVEN a new database file', () => {
  it('WHEN feedback opens THEN the file is created with its folder, in WAL mode, at the current schema version', () => {
    const path = join(tempDatabasePath(), '..', 'nested', 'koujing.sqlite');
    const { feedback, warnings } = open(path);
    expect(feedback.enabled).toBe(true);
    expect(warnings()).toEqual([]);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['guild_salts', 'meta', 'questions', 'votes']);
    db.close();
  });
});

describe('GIVEN votes', () => {
  it('WHEN the store is closed and opened again (a restart) THEN the votes are still there', () => {
    const path = tempDatabasePath();
    const first = open(path).feedback;
    first.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'down' });
    first.recordVote({ guild: GUILD, userId: '1180000000000000202', unitId: 'src#1', vote: 'down' });
    first.recordVote({ guild: GUILD, userId: USER, unitId: 'src#2', vote: 'up' });
    first.close();
    const again = open(path).feedback;
    expect(again.guildStats(GUILD)?.mostDownvoted).toEqual([{ unitId: 'src#1', up: 0, down: 2 }]);
  });

  it('WHEN a user votes again on the same answer THEN the vote is changed, not added', () => {
    const { feedback } = open(tempDatabasePath());
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'up' });
    feedback.flush();
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'down' });
    feedback.recordVote({ guild: GUILD, userId: '1180000000000000202', unitId: 'src#1', vote: 'up' });
    feedback.flush();
    expect(feedback.guildStats(GUILD)?.mostDownvoted).toEqual([{ unitId: 'src#1', up: 1, down: 1 }]);
  });

  it('THEN no user id is stored: voters are per-guild salted hashes, different for the same person in two guilds', () => {
    const path = tempDatabasePath();
    const { feedback } = open(path);
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'up' });
    feedback.recordVote({ guild: OTHER_GUILD, userId: USER, unitId: 'src#1', vote: 'up' });
    feedback.close();
    const db = new Database(path, { readonly: true });
    const voters = db.prepare('SELECT voter FROM votes ORDER BY guild').pluck().all() as string[];
    expect(voters).toHaveLength(2);
    expect(voters[0]).not.toBe(voters[1]);
    expect(voters.every((voter) => /^[A-Za-z0-9_-]{43}$/.test(voter))).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM guild_salts').pluck().get()).toBe(2);
    db.close();
    expect(readFileSync(path).includes(USER)).toBe(false);
  });

  it('WHEN 2,000 votes from 200 users arrive at once THEN every one is kept, the last of each user counting', () => {
    const { feedback } = open(tempDatabasePath());
    const units = ['src#1', 'src#2', 'src#3', 'src#4', 'src#5'];
    for (let round = 0; round < 2; round++) {
      for (let user = 0; user < 200; user++) {
        for (const unit of units) feedback.recordVote({ guild: GUILD, userId: `11800000000000${10_000 + user}`, unitId: unit, vote: round === 0 ? 'up' : 'down' });
      }
    }
    feedback.flush();
    expect(feedback.guildStats(GUILD)?.mostDownvoted).toEqual(units.map((unitId) => ({ unitId, up: 0, down: 200 })));
  });
});

describe('GIVEN questions', () => {
  it('THEN an answer keeps its unit and confidence but not the text; an abstention keeps the text and the closest topics', () => {
    const path = tempDatabasePath();
    const { feedback } = open(path);
    feedback.recordQuestion({ ...noMatch('中方怎么看中美关系？'), status: 'answered', unitId: 'src#1', confidence: 0.82, closestTopics: [] });
    feedback.recordQuestion(noMatch('帮我写一首诗'));
    feedback.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT at, guild, channel_kind, via, status, unit_id, confidence, question, closest_topics FROM questions ORDER BY id').all()).toEqual([
      { at: T0, guild: GUILD, channel_kind: 'text', via: 'ask', status: 'answered', unit_id: 'src#1', confidence: 0.82, question: null, closest_topics: null },
      { at: T0, guild: GUILD, channel_kind: 'text', via: 'ask', status: 'no_match', unit_id: null, confidence: null, question: '帮我写一首诗', closest_topics: '["中美关系"]' },
    ]);
    db.close();
  });

  it('THEN stats count answers and abstentions over 7 and 30 days, and list the most asked unanswered questions, near-identical ones together', () => {
    let now = T0;
    const { feedback } = open(tempDatabasePath(), { now: () => now });
    feedback.recordQuestion(noMatch('中国如何看待气候变化问题？'));
    now = T0 + 20 * DAY;
    feedback.recordQuestion(noMatch('中國如何看待氣候變化問題'));
    feedback.recordQuestion(noMatch('中国怎样看待气候变化问题', { closestTopics: ['全球治理'] }));
    feedback.recordQuestion(noMatch('香港问题', { status: 'unanswered', closestTopics: [] }));
    feedback.recordQuestion({ ...noMatch('x'), status: 'answered', unitId: 'src#1', confidence: 0.9 });
    feedback.recordQuestion(noMatch('帮我写一首诗', { guild: OTHER_GUILD }));
    now = T0 + 25 * DAY;
    expect(feedback.guildStats(GUILD)).toEqual({
      guild: GUILD,
      periods: [
        { days: 7, answered: 1, noMatch: 2, unanswered: 1 },
        { days: 30, answered: 1, noMatch: 3, unanswered: 1 },
      ],
      listDays: 30,
      topUnanswered: [
        { question: '中國如何看待氣候變化問題', count: 3, phrasings: 3, closestTopics: ['中美关系', '全球治理'] },
        { question: '香港问题', count: 1, phrasings: 1, closestTopics: [] },
      ],
      mostDownvoted: [],
    });
  });
});

describe('GIVEN a retention of 90 days', () => {
  it('WHEN the store opens 91 days later THEN older questions and votes are deleted, and the salt of a guild left without votes', () => {
    const path = tempDatabasePath();
    const early = open(path).feedback;
    early.recordQuestion(noMatch('帮我写一首诗'));
    early.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'down' });
    early.close();
    const later = open(path, { now: () => T0 + 91 * DAY });
    expect(later.log.lines().find((line) => line.msg === 'feedback pruned')).toMatchObject({ questions: 1, votes: 1, retentionDays: 90 });
    later.feedback.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM questions) + (SELECT COUNT(*) FROM votes) + (SELECT COUNT(*) FROM guild_salts)').pluck().get()).toBe(0);
    db.close();
  });

  it('WHEN the store opens 89 days later THEN nothing is deleted', () => {
    const path = tempDatabasePath();
    const early = open(path).feedback;
    early.recordQuestion(noMatch('帮我写一首诗'));
    early.close();
    const later = open(path, { now: () => T0 + 89 * DAY });
    expect(later.log.lines().some((line) => line.msg === 'feedback pruned')).toBe(false);
    expect(later.feedback.guildStats(GUILD)?.periods.map((period) => period.noMatch)).toEqual([0, 0]); // outside the 7 and 30 days …
    const db = openExisting(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM questions').pluck().get()).toBe(1); // … but kept
    db.close();
  });
});

describe('GIVEN a guild to forget', () => {
  it('WHEN it is forgotten THEN its questions, votes and salt are deleted, and other guilds keep theirs', () => {
    const path = tempDatabasePath();
    const { feedback } = open(path);
    feedback.recordQuestion(noMatch('帮我写一首诗'));
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'down' });
    feedback.recordVote({ guild: OTHER_GUILD, userId: USER, unitId: 'src#1', vote: 'down' });
    feedback.close();
    const db = openExisting(path, { readonly: false });
    expect(forgetGuild(db, GUILD)).toEqual({ questions: 1, votes: 1 });
    expect(db.prepare('SELECT guild FROM guild_salts').pluck().all()).toEqual([OTHER_GUILD]);
    expect(db.prepare('SELECT guild FROM votes').pluck().all()).toEqual([OTHER_GUILD]);
    db.close();
  });
});

describe('GIVEN a database the bot cannot write', () => {
  const expectOneWarning = (warnings: { msg: string; code?: unknown }[], code: RegExp) => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/^feedback is off: cannot (open|write) .*Answers go on as before/);
    expect(String(warnings[0]!.code)).toMatch(code);
  };

  it('WHEN another program holds the file locked at start THEN feedback is off, with one warning, and recording does nothing', () => {
    const path = tempDatabasePath();
    open(path).feedback.close();
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => holder.close());
    const { feedback, warnings } = open(path);
    expect(feedback.enabled).toBe(false);
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'up' });
    feedback.flush();
    expect(feedback.guildStats(GUILD)).toBeNull();
    expectOneWarning(warnings(), /^SQLITE_BUSY/);
  });

  it('WHEN the file gets locked while the bot runs THEN the next write turns feedback off, with one warning only', () => {
    const path = tempDatabasePath();
    const { feedback, warnings } = open(path);
    expect(feedback.enabled).toBe(true);
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => holder.close());
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#1', vote: 'up' });
    feedback.flush();
    expect(feedback.enabled).toBe(false);
    feedback.recordVote({ guild: GUILD, userId: USER, unitId: 'src#2', vote: 'up' });
    feedback.flush();
    expectOneWarning(warnings(), /^SQLITE_BUSY/);
    expect(warnings()[0]).toMatchObject({ dropped: 1 });
  });

  it('WHEN the file is read-only THEN feedback is off, with one warning', (context) => {
    const path = tempDatabasePath();
    open(path).feedback.close();
    const undo = makeReadOnly(path);
    if (undo === null) return context.skip('this process can write any file (root without chattr); a read-only file cannot be made here');
    cleanups.push(undo);
    const { feedback, warnings } = open(path);
    expect(feedback.enabled).toBe(false);
    expectOneWarning(warnings(), /^SQLITE_/);
  });

  it('WHEN the path cannot be a file (its folder is a file) THEN feedback is off, with one warning', () => {
    const blocker = tempDatabasePath();
    mkdirSync(dirname(blocker), { recursive: true });
    writeFileSync(blocker, 'not a folder');
    const { feedback, warnings } = open(join(blocker, 'koujing.sqlite'));
    expect(feedback.enabled).toBe(false);
    expectOneWarning(warnings(), /^E(EXIST|NOTDIR)$/);
  });
});
