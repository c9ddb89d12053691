/**
 * End to end: feedback as members and server operators meet it. The real bot and discord.js
 * client against the Discord stand-in, with a real SQLite file in a temporary folder.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { InteractionResponseType, MessageFlags, type APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { truncate } from '../../src/bot/answer-view.js';
import { feedbackMessages } from '../../src/messages.js';
import { DEFAULT_SECOND_CHANNEL_ID } from '../support/fake-discord/index.js';
import { makeReadOnly } from '../feedback/helpers.js';
import { acknowledged, askable, customIds, embedOf, restartBot, startWorld, unitFor, userNo, type World } from './support/world.js';

const worlds: World[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function world(env: Record<string, string> = {}): Promise<World> {
  const started = await startWorld(env);
  worlds.push(started);
  return started;
}

const isEphemeral = (flags: unknown) => ((Number(flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral);
const field = (embed: APIEmbed, name: string) => embed.fields!.find((candidate) => candidate.name === name)!.value;
const votesIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT unit_id AS unitId, vote, COUNT(*) AS n FROM votes GROUP BY unit_id, vote ORDER BY unit_id, vote').all();
  } finally {
    db.close();
  }
};

describe('GIVEN an answer', () => {
  it('WHEN members press 👍 and 👎 THEN each is thanked privately, a second press changes the vote, and the votes survive a restart into /stats', async () => {
    let w = await world();
    const unit = askable[0]!;
    const ask = w.discord.sendSlashCommand({ name: 'ask', options: { question: unit.question! }, user: userNo(1) });
    await acknowledged(ask);
    expect(customIds(ask.original())).toEqual(expect.arrayContaining([`kj:vote:up:${unit.id}`, `kj:vote:down:${unit.id}`]));
    const press = async (vote: 'up' | 'down', user: number) => {
      const callback = await acknowledged(w.discord.sendButton({ customId: `kj:vote:${vote}:${unit.id}`, message: ask.original()!, user: userNo(user) }));
      expect(isEphemeral(callback.data?.flags)).toBe(true);
      return callback.data?.content;
    };
    expect(await press('up', 1)).toBe(feedbackMessages.voteRecorded('up'));
    expect(await press('down', 1)).toBe(feedbackMessages.voteRecorded('down'));
    expect(await press('down', 2)).toBe(feedbackMessages.voteRecorded('down'));
    expect(await press('up', 3)).toBe(feedbackMessages.voteRecorded('up'));

    w = await restartBot(w);
    worlds.splice(0, 1, w);
    const stats = w.discord.sendSlashCommand({ name: 'stats' });
    await acknowledged(stats);
    const embed = embedOf(await stats.waitForOriginal());
    expect(isEphemeral((await stats.waitForOriginal()).flags)).toBe(true);
    expect(field(embed, feedbackMessages.statsMostDownvotedName(30))).toBe(feedbackMessages.statsVotedItem(1, `${unit.topic}：${truncate(unit.question!, 30)}`, 2, 1));
    expect(votesIn(w.config.feedback.path)).toEqual([
      { unitId: unit.id, vote: -1, n: 2 },
      { unitId: unit.id, vote: 1, n: 1 },
    ]);
  });

  it('WHEN 50 members ask 200 questions (50 at a time) and then vote 300 times at once THEN every interaction is acknowledged in time and no vote is lost', async () => {
    const w = await world();
    const units = askable.slice(0, 4);
    expect(units).toHaveLength(4);
    // Four waves of 50 members asking at the same moment (all 200 at once would measure the
    // stand-in's queue, which shares this process, more than the bot).
    const asks = [];
    for (const unit of units) {
      const wave = Array.from({ length: 50 }, (_, user) => ({ user, unit, handle: w.discord.sendSlashCommand({ name: 'ask', options: { question: unit.question! }, user: userNo(100 + user) }) }));
      await Promise.all(wave.map(({ handle }) => acknowledged(handle)));
      asks.push(...wave);
    }
    // Every member votes 👍 on each answer, then changes to 👎 on the last two.
    const votes = [
      ...asks.map((ask) => ({ ...ask, vote: 'up' as const })),
      ...asks.filter((ask) => units.indexOf(ask.unit) >= 2).map((ask) => ({ ...ask, vote: 'down' as const })),
    ].map(({ user, unit, handle, vote }) => w.discord.sendButton({ customId: `kj:vote:${vote}:${unit.id}`, message: handle.original()!, user: userNo(100 + user) }));
    expect(votes).toHaveLength(300);
    await Promise.all(votes.map((handle) => acknowledged(handle)));
    await w.bot.stop();
    expect(votesIn(w.config.feedback.path)).toEqual(
      units
        .map((unit, i) => ({ unitId: unit.id, vote: i >= 2 ? -1 : 1, n: 50 }))
        .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)),
    );
    const db = new Database(w.config.feedback.path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM questions WHERE status = 'answered' AND via = 'ask' AND channel_kind = 'text'").pluck().get()).toBe(200);
    db.close();
  });
});

describe('GIVEN questions the archive cannot answer', () => {
  it('WHEN members ask them THEN /stats counts them and lists the most asked, near-identical phrasings together; quiet answer-channel messages are not counted', async () => {
    const w = await world({ ANSWER_CHANNEL_IDS: DEFAULT_SECOND_CHANNEL_ID, MESSAGE_CONTENT_INTENT: 'true' });
    const ask = (question: string, user: number) => acknowledged(w.discord.sendSlashCommand({ name: 'ask', options: { question }, user: userNo(user) }));
    await ask('帮我写一首诗', 1);
    await ask('幫我寫一首詩？', 2);
    await w.discord.waitForReply(w.discord.sendMessage({ content: '帮我写一首诗吧', mentionsBot: true, author: userNo(3) }));
    await ask('推荐一部电影', 4);
    await ask(askable[0]!.question!, 5);
    const chatter = w.discord.sendMessage({ content: '周末去哪里玩', channelId: DEFAULT_SECOND_CHANNEL_ID, author: userNo(6) });
    await w.discord.waitForReply(w.discord.sendMessage({ content: askable[1]!.question!, channelId: DEFAULT_SECOND_CHANNEL_ID, author: userNo(6) }));
    expect(w.discord.messagesIn(DEFAULT_SECOND_CHANNEL_ID).some((message) => message.message_reference?.message_id === chatter.id)).toBe(false);

    const stats = w.discord.sendSlashCommand({ name: 'stats' });
    expect((await acknowledged(stats)).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const embed = embedOf(await stats.waitForOriginal());
    expect(embed.title).toBe(feedbackMessages.statsTitle);
    expect(field(embed, '最近 7 天')).toBe(feedbackMessages.statsPeriod(2, 4, 0));
    expect(field(embed, '最近 30 天')).toBe(feedbackMessages.statsPeriod(2, 4, 0));
    const listed = field(embed, feedbackMessages.statsTopUnansweredName(30)).split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/^1\. (帮我写一首诗|幫我寫一首詩？|帮我写一首诗吧) ×3/);
    expect(listed[1]).toMatch(/^2\. 推荐一部电影 ×1/);
    expect(field(embed, feedbackMessages.statsMostDownvotedName(30))).toBe(feedbackMessages.statsNone);
  });
});

describe('GIVEN a database the bot cannot write', () => {
  it.for<[string, (path: string) => (() => void) | null]>([
    ['locked by another program', (path) => {
      const holder = new Database(path);
      holder.exec('BEGIN EXCLUSIVE');
      return () => holder.close();
    }],
    ['read-only', (path) => makeReadOnly(path)],
  ])('WHEN the file is %s at start THEN one warning, answers as before without 👍/👎, and /stats says feedback is off', async ([, block], context) => {
    const prepared = await world();
    await prepared.bot.stop(); // creates the file with its schema
    const undo = block(prepared.config.feedback.path);
    if (undo === null) return context.skip('a read-only file cannot be made for this process (root without chattr)');
    cleanups.push(undo);
    const w = await restartBot(prepared);
    worlds.splice(0, 1, w);
    const ask = w.discord.sendSlashCommand({ name: 'ask', options: { question: askable[0]!.question! } });
    await acknowledged(ask);
    expect(embedOf(ask.original()).title).toBe(askable[0]!.topic);
    expect(customIds(ask.original()).some((id) => id.startsWith('kj:vote:'))).toBe(false);
    const stats = w.discord.sendSlashCommand({ name: 'stats' });
    await acknowledged(stats);
    expect((await stats.waitForOriginal()).content).toBe(feedbackMessages.statsOff);
    const warnings = w.lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/^feedback is off: /);
  });

  it('WHEN the file gets locked while the bot runs THEN the next write turns feedback off with one warning, and every answer still comes', async () => {
    const w = await world();
    const first = w.discord.sendSlashCommand({ name: 'ask', options: { question: askable[0]!.question! } });
    await acknowledged(first);
    const holder = new Database(w.config.feedback.path);
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => holder.close());
    expect((await acknowledged(w.discord.sendButton({ customId: `kj:vote:up:${askable[0]!.id}`, message: first.original()! }))).data?.content).toBe(
      feedbackMessages.voteRecorded('up'),
    );
    const unanswerable = w.discord.sendSlashCommand({ name: 'ask', options: { question: '帮我写一首诗' } });
    expect((await acknowledged(unanswerable)).data?.content).toMatch(/^没有找到对这个问题的官方回答。/);
    await expect.poll(() => w.bot.feedback.enabled, { timeout: 5000 }).toBe(false);
    const later = w.discord.sendSlashCommand({ name: 'ask', options: { question: askable[1]!.question! } });
    await acknowledged(later);
    expect(embedOf(later.original()).title).toBe(unitFor(askable[1]!.question!).topic);
    expect(customIds(later.original()).some((id) => id.startsWith('kj:vote:'))).toBe(false);
    const oldButton = w.discord.sendButton({ customId: `kj:vote:down:${askable[0]!.id}`, message: first.original()! });
    expect((await acknowledged(oldButton)).data?.content).toBe(feedbackMessages.voteNotKept);
    const warnings = w.lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'SQLITE_BUSY' });
  });
});

describe('GIVEN FEEDBACK=false', () => {
  it('THEN answers carry no 👍/👎, nothing is written, and /stats says feedback is off', async () => {
    const w = await world({ FEEDBACK: 'false' });
    const ask = w.discord.sendSlashCommand({ name: 'ask', options: { question: askable[0]!.question! } });
    await acknowledged(ask);
    expect(customIds(ask.original()).some((id) => id.startsWith('kj:vote:'))).toBe(false);
    const stats = w.discord.sendSlashCommand({ name: 'stats' });
    await acknowledged(stats);
    expect((await stats.waitForOriginal()).content).toBe(feedbackMessages.statsOff);
    expect(existsSync(w.config.feedback.path)).toBe(false);
    expect(w.lines().filter((line) => line.level >= 40)).toEqual([]);
  });
});
