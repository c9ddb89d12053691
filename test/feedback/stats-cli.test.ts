import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runStats } from '../../src/cli/stats.js';
import { DEFAULT_INDEX_PATH, PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { openFeedback } from '../../src/feedback/index.js';
import { cleanEnv } from '../bot/support/processes.js';
import { recordingLogger, tempDatabasePath } from './helpers.js';

const GUILD = '1180000000000000100';
const OTHER_GUILD = '1180000000000000900';
const NOW = Date.UTC(2025, 0, 31);
const unit = readIndexFile().units[0]!;

/** A database with two guilds: questions (one typed as a formula), and votes on a real unit. */
function seededDatabase(now = NOW): string {
  const path = tempDatabasePath();
  const feedback = openFeedback({ path, retentionDays: 90, logger: recordingLogger().logger, now: () => now - 86_400_000 });
  const asked = (question: string, guild = GUILD) =>
    feedback.recordQuestion({ guild, channelKind: 'text', via: 'ask', status: 'no_match', question, unitId: null, confidence: null, closestTopics: ['中美关系'] });
  asked('帮我写一首诗，');
  asked('帮我写一首诗');
  asked('=HYPERLINK("x","点我")');
  asked('推荐一部电影', OTHER_GUILD);
  feedback.recordQuestion({ guild: GUILD, channelKind: 'thread', via: 'mention', status: 'answered', question: '…', unitId: unit.id, confidence: 0.9, closestTopics: [] });
  feedback.recordVote({ guild: GUILD, userId: '1180000000007000001', unitId: unit.id, vote: 'down' });
  feedback.recordVote({ guild: GUILD, userId: '1180000000007000002', unitId: unit.id, vote: 'up' });
  feedback.close();
  return path;
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runStats(argv, { out: (text) => out.push(text), err: (text) => err.push(text) }, NOW);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run stats', () => {
  it('GIVEN --csv --guild THEN the same figures as /stats, one row each, a formula-like question kept as text', () => {
    const db = seededDatabase();
    const { code, out } = run(['--db', db, '--index', DEFAULT_INDEX_PATH, '--csv', '--guild', GUILD]);
    expect(code).toBe(0);
    expect(out.split('\r\n')).toEqual([
      'section,days,rank,count,question,closest_topics,unit_id,topic,up,down',
      'answered,7,,1,,,,,,',
      'no_match,7,,3,,,,,,',
      'unanswered,7,,0,,,,,,',
      'answered,30,,1,,,,,,',
      'no_match,30,,3,,,,,,',
      'unanswered,30,,0,,,,,,',
      'asked_unanswered,30,1,2,帮我写一首诗,中美关系,,,,',
      `asked_unanswered,30,2,1,"'=HYPERLINK(""x"",""点我"")",中美关系,,,,`,
      `most_downvoted,30,1,,,,${unit.id},${unit.topic},1,1`,
    ]);
  });

  it('GIVEN --guild alone THEN a report for a person', () => {
    const { code, out } = run(['--db', seededDatabase(), '--index', DEFAULT_INDEX_PATH, '--guild', GUILD]);
    expect(code).toBe(0);
    expect(out).toContain('最近 7 天：回答 1 次 未能回答 3 次 （实录中没有 3，有提问无回答 0）');
    expect(out).toContain('  1. 帮我写一首诗 ×2（相近话题：中美关系）');
    expect(out).toContain(`  1. ${unit.topic} — 👎 1 · 👍 1  ${unit.id}`);
  });

  it('GIVEN no options THEN the guilds with anything kept', () => {
    const { out } = run(['--db', seededDatabase(), '--index', DEFAULT_INDEX_PATH]);
    expect(out.split('\n')).toEqual(['guild\tquestions\tvotes\tfirst\tlast', `${GUILD}\t4\t2\t2025-01-30\t2025-01-30`, `${OTHER_GUILD}\t1\t0\t2025-01-30\t2025-01-30`]);
  });

  it('GIVEN --forget-guild THEN everything kept for that guild is deleted, and the other guild keeps its own', () => {
    const db = seededDatabase();
    expect(run(['--db', db, '--index', DEFAULT_INDEX_PATH, '--forget-guild', GUILD]).out).toBe(`stats: forgot guild ${GUILD}: 4 questions and 2 votes deleted from ${db}`);
    expect(run(['--db', db, '--index', DEFAULT_INDEX_PATH]).out.split('\n').slice(1)).toEqual([`${OTHER_GUILD}\t1\t0\t2025-01-30\t2025-01-30`]);
  });

  it.each([
    [['--csv'], 2, 'stats: --csv needs --guild <id>'],
    [['--guild', 'general'], 2, 'stats: a guild is a Discord id (17 to 20 digits) or dm'],
    [['--forget-guild', GUILD, '--csv', '--guild', GUILD], 2, 'stats: --forget-guild goes alone'],
    [['--db', '/nonexistent/koujing.sqlite', '--index', DEFAULT_INDEX_PATH], 1, 'stats: cannot open the feedback database /nonexistent/koujing.sqlite: '],
  ])('GIVEN %j THEN exit %i with %j', (argv, code, message) => {
    const result = run(argv);
    expect(result.code).toBe(code);
    expect(result.err.startsWith(message)).toBe(true);
  });

  it('GIVEN `npm run stats -- --csv --guild <id>` THEN the script prints the CSV', () => {
    const db = seededDatabase(Date.now());
    const result = spawnSync('npm', ['run', '--silent', 'stats', '--', '--csv', '--guild', GUILD], { cwd: PROJECT_ROOT, env: cleanEnv({ FEEDBACK_DB_PATH: db }), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\r\n')[7]).toBe('asked_unanswered,30,1,2,帮我写一首诗,中美关系,,,,');
  });
});
