/**
 * End to end: the real bot (startBot, as `npm start` runs it) and the real discord.js client,
 * connected to the local Discord stand-in through DISCORD_API_BASE, driven as users would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits, type APIEmbed } from 'discord.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { readIndexFile } from '../../src/index-file.js';
import { startBot, type RunningBot } from '../../src/bot/client.js';
import { loadCommands } from '../../src/bot/command-loader.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { messages } from '../../src/messages.js';
import { answerQuestion, createSearchIndex, findParagraphs, getUnit, suggestTopics } from '../../src/search/index.js';
import { toRef } from '../../src/bot/custom-id.js';
import type { AnswerUnit } from '../../src/types.js';
import {
  DEFAULT_SECOND_CHANNEL_ID,
  FakeDiscord,
  type FakeMessage,
  type InteractionHandle,
  type RecordedCallback,
  type RecordedRequest,
} from '../support/fake-discord/index.js';
import { runScript, startEntry, until } from './support/processes.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const TOKEN = 'e2e.token-for-the-stand-in';
const ANSWER_CHANNEL = DEFAULT_SECOND_CHANNEL_ID;
const file = readIndexFile();
const index = createSearchIndex(file, createDefaultAnalyzer());
// Questions are the transcript's own reporter questions, so these tests hold whatever the index's
// topic labels are; what the answer should be comes from the same answerQuestion the bot calls.
const asked = file.units.filter((candidate) => candidate.question !== null);
const spread = (i: number): AnswerUnit => asked[Math.round((i * (asked.length - 1)) / 3)]!;
const [unitA, unitB, unitC, unitD] = [spread(0), spread(1), spread(2), spread(3)];
const longest = [...asked].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]!;

/** The unit the search answers `question` with (the test's premise: it is answered). */
function expectedUnit(question: string): AnswerUnit {
  const answer = answerQuestion(index, question);
  expect(answer.status).toBe('answered');
  return getUnit(index, answer.answer!.unitId)!;
}

/** The embed shows the unit: its topic, its question, every paragraph as source text. */
function expectShowsUnit(embed: APIEmbed, unit: AnswerUnit): void {
  expect(embed.title).toBe(unit.topic);
  if (unit.question !== null) expect(embed.description).toContain(unit.question);
  for (const paragraph of unit.paragraphs) expect(embed.description).toContain(paragraph);
}
const ATTRIBUTION = '—— 王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24';

let discord: FakeDiscord;
let bot: RunningBot;
let generalChannel: string;

/** A feedback database of its own, in a new temporary folder (tests never write into the project). */
const feedbackPath = () => join(mkdtempSync(join(tmpdir(), 'koujing-e2e-')), 'koujing.sqlite');

function botConfig(discord: FakeDiscord, extra: Record<string, string> = {}): Config {
  return parseConfig({
    FEEDBACK_DB_PATH: feedbackPath(),
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: discord.apiBase,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guild.id,
    ANSWER_CHANNEL_IDS: ANSWER_CHANNEL,
    MESSAGE_CONTENT_INTENT: 'true',
    RATE_LIMIT_QUESTIONS: '30',
    ...extra,
  });
}

/** Waits for the interaction's first callback and checks it was accepted within Discord's 3 seconds. */
async function acknowledged(handle: InteractionHandle): Promise<RecordedCallback> {
  const callback = await handle.waitForCallback();
  expect(callback.status).toBeLessThan(300);
  expect(callback.elapsedMs).toBeLessThan(3000);
  return callback;
}

const customIds = (message: { components?: unknown } | undefined): string[] =>
  ((message?.components ?? []) as { components: { custom_id?: string; label?: string }[] }[]).flatMap((row) =>
    row.components.map((component) => component.custom_id ?? ''),
  );
const embedOf = (message: { embeds?: APIEmbed[] } | undefined): APIEmbed => message!.embeds![0]!;
const postsTo = (channelId: string) => (request: RecordedRequest) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`;
const userNo = (n: number) => ({ id: `11800000000000003${String(n).padStart(2, '0')}`, username: `user${n}` });

beforeAll(async () => {
  discord = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, waitTimeoutMs: 5000 });
  generalChannel = discord.channelId;
  const config = botConfig(discord);
  await deployCommands(config, await loadCommands());
  bot = await startBot(config, createLogger('silent'));
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

describe('GIVEN the bot connected to the Discord stand-in', () => {
  it('WHEN a user runs /ask THEN it replies at once, privately, with the real source text, the best paragraph marked, and the quote controls', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: unitA.question! } });
    const callback = await acknowledged(ask);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(((callback.data?.flags as number) ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const embed = embedOf(ask.original());
    const source = expectedUnit(unitA.question!);
    expectShowsUnit(embed, source);
    expect(embed.description).toContain(`**记者问${source.outlet === null ? '' : `（${source.outlet}）`}**：${source.question}`);
    expect(embed.description).toMatch(/▶ \*\*/);
    expect(embed.footer?.text).toContain(ATTRIBUTION.slice(3));
    expect(customIds(ask.original())).toEqual([`kj:publish:${source.id}`, `kj:vote:up:${source.id}`, `kj:vote:down:${source.id}`, `kj:quote:${source.id}`]);
  });

  it('WHEN the user presses 发到频道 THEN the answer is posted publicly as a block quote with its attribution line', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: unitB.question! } });
    await acknowledged(ask);
    const source = expectedUnit(unitB.question!);
    const publish = discord.sendButton({ customId: `kj:publish:${source.id}`, message: ask.original()! });
    const callback = await acknowledged(publish);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(((callback.data?.flags as number | undefined) ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(callback.data?.content).toBe(`${source.paragraphs.map((p) => `> ${p}`).join('\n')}\n${ATTRIBUTION}`);
    expect(discord.messagesIn(generalChannel).some((message) => message.content === callback.data?.content)).toBe(true);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('WHEN the user picks one paragraph in the menu THEN only that paragraph is quoted publicly', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: longest.question! } });
    await acknowledged(ask);
    const source = expectedUnit(longest.question!);
    expect(customIds(ask.original())).toContain(`kj:quote:${source.id}`);
    const select = discord.sendSelect({ customId: `kj:quote:${source.id}`, values: ['1'], message: ask.original()! });
    const callback = await acknowledged(select);
    expect(callback.data?.content).toBe(`> ${source.paragraphs[1]}\n${ATTRIBUTION}`);
  });

  it('WHEN a user types in /topic THEN autocomplete answers from memory: at most 25 filtered choices, names ≤ 100, values the ids', async () => {
    const all = discord.sendAutocomplete({ name: 'topic', options: { topic: '' } });
    const allChoices = (await acknowledged(all)).data?.choices as { name: string; value: string }[];
    expect(allChoices.length).toBe(file.units.length + file.unanswered.length);
    const typed = discord.sendAutocomplete({ name: 'topic', options: { topic: '中美' } });
    const callback = await acknowledged(typed);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = callback.data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((choice) => choice.value)).toEqual(suggestTopics(index, '中美', 25).map((suggestion) => toRef(suggestion.id)));
    for (const choice of [...choices, ...allChoices]) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('WHEN the user picks a topic THEN its answer; WHEN an unanswered question THEN it says the transcript holds no answer, and shows it', async () => {
    const topic = discord.sendSlashCommand({ name: 'topic', options: { topic: unitD.id } });
    await acknowledged(topic);
    expectShowsUnit(embedOf(topic.original()), unitD);

    const unanswered = file.unanswered[0]!;
    const choices = (await acknowledged(discord.sendAutocomplete({ name: 'topic', options: { topic: unanswered.topic } }))).data?.choices as { name: string; value: string }[];
    const choice = choices.find((candidate) => candidate.value === unanswered.id);
    expect(choice?.name.startsWith(messages.unansweredTopicChoice(''))).toBe(true);
    // Marked once: the search gives the choice as data, the bot words it.
    expect(choice?.name.split('实录中无回答').length).toBe(2);
    expect(choice?.name).not.toContain('无答复');
    const picked = discord.sendSlashCommand({ name: 'topic', options: { topic: unanswered.id } });
    const callback = await acknowledged(picked);
    expect(callback.data?.content).toContain('记者会实录中记录了这个问题，但没有记录回答');
    expect(callback.data?.content).toContain(unanswered.question);
  });

  it('WHEN a user runs /quote with an autocomplete choice THEN the paragraph is posted publicly as a block quote', async () => {
    const complete = discord.sendAutocomplete({ name: 'quote', options: { text: '政治病毒' } });
    const choices = (await acknowledged(complete)).data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    const best = findParagraphs(index, '政治病毒', 25)[0]!;
    expect(choices[0]!.value).toBe(`${best.unitId}:${best.paragraph}`);
    const quote = discord.sendSlashCommand({ name: 'quote', options: { text: choices[0]!.value } });
    const callback = await acknowledged(quote);
    expect(callback.data?.content).toBe(`> ${getUnit(index, best.unitId)!.paragraphs[best.paragraph]}\n${ATTRIBUTION}`);
  });

  it('WHEN a user runs 查找官方回答 on someone’s message THEN the bot replies to that message publicly, pinging no one', async () => {
    const target = discord.sendMessage({ content: `@everyone ${unitD.question}`, author: userNo(1) });
    const command = discord.sendMessageContextCommand({ name: '查找官方回答', targetMessage: target });
    await acknowledged(command);
    const reply = await discord.waitForReply(target);
    expectShowsUnit(embedOf(reply), expectedUnit(unitD.question!));
    const request = await discord.waitForRequest(postsTo(generalChannel));
    expect((request.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect((await command.waitForOriginal()).content).toBe(messages.repliedInChannel);
  });

  it('WHEN a user mentions the bot in a channel THEN it replies to that message with the answer', async () => {
    const question = discord.sendMessage({ content: unitC.question!, mentionsBot: true });
    const reply = await discord.waitForReply(question);
    expectShowsUnit(embedOf(reply), expectedUnit(unitC.question!));
    expect(reply.message_reference?.message_id).toBe(question.id);
  });

  it('WHEN a mention quotes @everyone and a role THEN the reply’s allowed_mentions parse nothing', async () => {
    const question = discord.sendMessage({ content: `@everyone <@&1180000000000000555> ${unitA.question}`, mentionsBot: true, mentionRoles: ['1180000000000000555'] });
    const reply = await discord.waitForReply(question);
    const request = await discord.waitForRequest(
      (candidate) => postsTo(generalChannel)(candidate) && (candidate.body as { message_reference?: { message_id: string } }).message_reference?.message_id === question.id,
    );
    expect((request!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.mention_everyone).toBe(false);
  });

  it('WHEN someone asks something no transcript covers THEN the honest no-match message and a hint, in /ask and in a mention', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '帮我写一首诗' } });
    expect((await acknowledged(ask)).data?.content).toBe('没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n可以换个说法，或者问一个更具体的外交话题。');
    const mention = discord.sendMessage({ content: '帮我写一首诗', mentionsBot: true });
    expect((await discord.waitForReply(mention)).content).toBe('没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n可以换个说法，或者问一个更具体的外交话题。');
  });

  it('WHEN someone asks another party’s view THEN not China’s words as theirs: the record holds only China’s statements, offered on the nearest topics, privately', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '俄罗斯对中俄关系怎么看', public: true } });
    const callback = await acknowledged(ask);
    expect(callback.data?.embeds).toBeUndefined();
    const [why, offer] = String(callback.data?.content).split('\n');
    expect(why).toBe('实录中只有中方的表态，没有俄罗斯的看法。');
    expect(offer).toMatch(/^可以提供中方在相近话题上的表态：.+（可用 \/topic 查看）$/);
    expect(((callback.data?.flags as number) ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('WHEN someone asks for a fact the record does not state THEN which fact is missing, and the statement on the subject', async () => {
    const mention = discord.sendMessage({ content: '中美关系什么时候开始恶化的', mentionsBot: true });
    const [why, offer] = String((await discord.waitForReply(mention)).content).split('\n');
    expect(why).toBe('实录中没有给出这个具体日期或时间。');
    expect(offer).toMatch(/^实录中有这个话题的官方表态：.+（可用 \/topic 查看）$/);
  });

  it('WHEN a question is a lone common word THEN ask for something more specific', async () => {
    const dm = discord.sendMessage({ content: '美国', isDm: true, author: userNo(2) });
    expect((await discord.waitForReply(dm)).content).toMatch(/^这个问题太宽泛了，实录中很多回答都谈到它。请问得具体一些，例如：中方如何看待中美关系？(\n相近的话题：.+（可用 \/topic 查看）)?$/);
  });

  it('WHEN the question is only emoji, or empty THEN a clear reply instead of an error', async () => {
    const emoji = discord.sendMessage({ content: '👍🎉', mentionsBot: true });
    expect((await discord.waitForReply(emoji)).content).toBe(messages.noWords);
    const empty = discord.sendMessage({ content: '', mentionsBot: true });
    expect((await discord.waitForReply(empty)).content).toBe(messages.emptyQuestion);
  });

  it('WHEN a user DMs the bot THEN it replies in the DM', async () => {
    const dm = discord.sendMessage({ content: unitB.question!, isDm: true, author: userNo(2) });
    expectShowsUnit(embedOf(await discord.waitForReply(dm)), expectedUnit(unitB.question!));
  });

  it('GIVEN an answer channel THEN it answers without a mention, stays quiet without an answer, and ignores bots', async () => {
    const poem = discord.sendMessage({ content: '帮我写一首诗', channelId: ANSWER_CHANNEL, author: userNo(3) });
    const otherView = discord.sendMessage({ content: '俄罗斯对中俄关系怎么看', channelId: ANSWER_CHANNEL, author: userNo(3) });
    const fromBot = discord.sendMessage({ content: unitB.question!, channelId: ANSWER_CHANNEL, author: { ...userNo(4), bot: true } });
    const question = discord.sendMessage({ content: unitB.question!, channelId: ANSWER_CHANNEL, author: userNo(3) });
    expectShowsUnit(embedOf(await discord.waitForReply(question)), expectedUnit(unitB.question!));
    const replied = (message: FakeMessage) =>
      discord.messagesIn(ANSWER_CHANNEL).some((candidate) => candidate.message_reference?.message_id === message.id);
    expect(replied(poem)).toBe(false);
    expect(replied(otherView)).toBe(false);
    expect(replied(fromBot)).toBe(false);
  });

  it('WHEN a user asks faster than the rate limit THEN a polite refusal, privately', async () => {
    const user = userNo(5);
    for (let i = 0; i < 30; i++) await acknowledged(discord.sendSlashCommand({ name: 'ask', options: { question: unitA.question! }, user }));
    const refused = await acknowledged(discord.sendSlashCommand({ name: 'ask', options: { question: unitA.question! }, user }));
    expect(refused.data?.content).toMatch(/^您的请求有点频繁，请 \d+ 秒后再试。$/);
    expect(((refused.data?.flags as number) ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('WHEN the gateway asks the bot to reconnect mid-conversation THEN it resumes and the next question is still answered', async () => {
    const before = discord.sendSlashCommand({ name: 'ask', options: { question: unitC.question! }, user: userNo(6) });
    await acknowledged(before);
    discord.requestReconnect();
    await discord.waitForResume(1);
    const after = discord.sendSlashCommand({ name: 'ask', options: { question: unitA.question! }, user: userNo(6) });
    await acknowledged(after);
    expectShowsUnit(embedOf(after.original()), expectedUnit(unitA.question!));
    const mention = discord.sendMessage({ content: unitB.question!, mentionsBot: true, author: userNo(6) });
    expectShowsUnit(embedOf(await discord.waitForReply(mention)), expectedUnit(unitB.question!));
  });
});

describe('GIVEN a channel where the bot may not post', () => {
  it('WHEN a user runs 查找官方回答 THEN the answer comes to them privately, with the button to post it through the interaction', async () => {
    const fresh = await FakeDiscord.start({
      token: TOKEN,
      guilds: [{ ...discord.guild, everyonePermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.UseApplicationCommands }],
    });
    const config = botConfig(fresh);
    await deployCommands(config, await loadCommands());
    const quietBot = await startBot(config, createLogger('silent'));
    try {
      const target = fresh.sendMessage({ content: unitB.question!, author: userNo(7) });
      const command = fresh.sendMessageContextCommand({ name: '查找官方回答', targetMessage: target });
      const callback = await acknowledged(command);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(((callback.data?.flags as number) ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      const source = expectedUnit(unitB.question!);
      expectShowsUnit(embedOf(command.original()), source);
      expect(customIds(command.original())).toContain(`kj:publish:${source.id}`);
      expect(fresh.requests.filter(postsTo(fresh.channelId))).toEqual([]);
    } finally {
      await quietBot.stop();
      await fresh.close();
    }
  });
});

describe('GIVEN MESSAGE_CONTENT_INTENT=true for an application without that intent', () => {
  it('WHEN the bot starts THEN it stops with a message saying where to enable the intent', async () => {
    const fresh = await FakeDiscord.start({ token: TOKEN, allowMessageContent: false });
    try {
      await expect(startBot(botConfig(fresh), createLogger('silent'))).rejects.toThrow(
        'bot: Discord refused the Message Content intent (MESSAGE_CONTENT_INTENT=true): enable it under Developer Portal → Bot → Privileged Gateway Intents, or unset MESSAGE_CONTENT_INTENT',
      );
    } finally {
      await fresh.close();
    }
  });
});

describe('GIVEN an answer longer than one page', () => {
  it('WHEN the user presses ▶ and ◀ THEN the message is updated to the next and previous page, within the limits, from the custom id alone', async () => {
    const long: AnswerUnit = {
      ...unitA,
      id: `${unitA.source}#long`,
      paragraphs: Array.from({ length: 12 }, (_, i) => `${unitA.paragraphs.join('').repeat(20).slice(0, 900)}（第${i + 1}段）`),
    };
    const fresh = await FakeDiscord.start({ token: TOKEN });
    const config = botConfig(fresh);
    await deployCommands(config, await loadCommands());
    const pagingBot = await startBot(config, createLogger('silent'), { index: createSearchIndex({ ...file, units: [...file.units, long] }, createDefaultAnalyzer()) });
    try {
      const topic = fresh.sendSlashCommand({ name: 'topic', options: { topic: long.id } });
      await acknowledged(topic);
      // A snapshot: the stand-in updates the original message in place when a button updates it.
      const first = structuredClone(topic.original()!);
      expect(embedOf(first).footer?.text).toMatch(/第 1\/\d+ 页$/);
      const [previous, next] = customIds(first);
      const forward = fresh.sendButton({ customId: next!, message: first });
      const callback = await acknowledged(forward);
      expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
      const second = callback.data as { embeds: APIEmbed[]; components: unknown };
      expect(second.embeds[0]!.footer?.text).toMatch(/第 2\/\d+ 页$/);
      expect(second.embeds[0]!.description).not.toBe(embedOf(first).description);
      expect(previous).not.toBe(next);
      const back = fresh.sendButton({ customId: customIds(second)[0]!, message: { ...first, ...second } as FakeMessage });
      expect(((await acknowledged(back)).data as { embeds: APIEmbed[] }).embeds[0]!.description).toBe(embedOf(first).description);
    } finally {
      await pagingBot.stop();
      await fresh.close();
    }
  });
});

describe('GIVEN the command line', () => {
  it('WHEN deploy-commands runs THEN it registers exactly what the loader loads', async () => {
    const fresh = await FakeDiscord.start({ token: TOKEN });
    try {
      const { code, stdout } = await runScript('src/cli/deploy-commands.ts', {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: fresh.apiBase,
        DISCORD_APPLICATION_ID: fresh.applicationId,
        DISCORD_GUILD_ID: fresh.guild.id,
      });
      expect(code).toBe(0);
      expect(stdout).toContain('registered 7 commands');
      const loaded = [...(await loadCommands()).values()].map((command) => command.data.toJSON());
      const registered = fresh.commands(fresh.guild.id);
      expect(registered.map((command) => command.name).sort()).toEqual(loaded.map((command) => command.name).sort());
      for (const body of loaded) expect(registered.find((command) => command.name === body.name)).toMatchObject(JSON.parse(JSON.stringify(body)));
      expect(fresh.commands()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('WHEN `npm start`’s entry runs with a token THEN the bot answers /ask, logs why channel answers are off, never logs the token, and stops on SIGTERM', async () => {
    const fresh = await FakeDiscord.start({ token: TOKEN, waitTimeoutMs: 20_000, allowMessageContent: false });
    await deployCommands(botConfig(fresh), await loadCommands());
    const entry = startEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fresh.apiBase, ANSWER_CHANNEL_IDS: ANSWER_CHANNEL, LOG_LEVEL: 'info', FEEDBACK_DB_PATH: feedbackPath() });
    try {
      await fresh.waitForReady(1, 20_000);
      await until(() => entry.output().includes('"msg":"bot ready"'));
      const ask = fresh.sendSlashCommand({ name: 'ask', options: { question: unitA.question! } });
      await acknowledged(ask);
      expectShowsUnit(embedOf(ask.original()), expectedUnit(unitA.question!));
      entry.stop('SIGTERM');
      expect(await entry.exited).toBe(0);
      expect(entry.output()).toContain('channel answers are off');
      expect(entry.output()).toContain('"msg":"bot stopped"');
      expect(entry.output()).not.toContain(TOKEN);
    } finally {
      entry.stop('SIGKILL');
      await fresh.close();
    }
  }, 40_000);
});

describe('GIVEN SHARDS is set', () => {
  it.each([
    ['2', 'a number', {}],
    ['auto', '`auto`: the count comes from the configured API base’s /gateway/bot, not from discord.com', { recommendedShards: 2 }],
  ])(
    'WHEN SHARDS=%s (%s) and `npm start`’s entry runs THEN discord.js’s ShardingManager starts two shard processes that identify as [0,2] and [1,2], and all stop on SIGTERM',
    async (shards, _, options) => {
      const fresh = await FakeDiscord.start({ token: TOKEN, waitTimeoutMs: 40_000, ...options });
      const entry = startEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fresh.apiBase, SHARDS: shards, LOG_LEVEL: 'info', FEEDBACK_DB_PATH: feedbackPath() });
      try {
        await fresh.waitForReady(2, 40_000);
        expect(fresh.identifies.map((identify) => identify.shard)).toEqual([[0, 2], [1, 2]]);
        entry.stop('SIGTERM');
        expect(await entry.exited).toBe(0);
        expect(entry.output().match(/"msg":"bot stopped"/g)).toHaveLength(2);
        // Both shards opened the one feedback file at once; it was created and migrated once.
        expect(entry.output()).not.toContain('feedback is off');
      } finally {
        entry.stop('SIGKILL');
        await fresh.close();
      }
    },
    60_000,
  );
});
