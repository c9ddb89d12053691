/**
 * End to end: the archive through the Discord stand-in, on an archive built from written
 * briefings (a line said five times with one change of wording, a long line whose wording
 * changed nine times): /timeline, and /ask with its 时间 option.
 */
import { InteractionResponseType, MessageFlags, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/client.js';
import { loadCommands } from '../../src/bot/command-loader.js';
import { toRef } from '../../src/bot/custom-id.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { parseConfig } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { createLogger } from '../../src/log.js';
import { archiveMessages } from '../../src/messages.js';
import { createSearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { FakeDiscord, type FakeMessage, type InteractionHandle, type RecordedCallback } from '../support/fake-discord/index.js';
import { peninsulaBriefings, peninsulaVersions, reefBriefings, writeBriefings } from '../archive/helpers.js';
import { feedbackPath } from './support/world.js';

const TOKEN = 'e2e.token-for-the-stand-in';
const analyzer = createDefaultAnalyzer();
const { index: file } = buildIndex(readSources(writeBriefings([...reefBriefings(), ...peninsulaBriefings()])), PROJECT_ROOT, analyzer);
const index = createSearchIndex(file, analyzer);
const reef = file.lines!.find((line) => line.occurrences.length === 5)!;
const peninsula = file.lines!.find((line) => line.occurrences.length === 10)!;

let discord: FakeDiscord;
let bot: RunningBot;

beforeAll(async () => {
  discord = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, waitTimeoutMs: 5000 });
  const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.apiBase, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_GUILD_ID: discord.guild.id, FEEDBACK: 'false' });
  await deployCommands(config, await loadCommands());
  bot = await startBot(config, createLogger('silent'), { index });
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

async function acknowledged(handle: InteractionHandle): Promise<RecordedCallback> {
  const callback = await handle.waitForCallback();
  expect(callback.status).toBeLessThan(300);
  expect(callback.elapsedMs).toBeLessThan(3000);
  return callback;
}
const embedOf = (message: { embeds?: APIEmbed[] } | undefined): APIEmbed => message!.embeds![0]!;
const customIds = (message: { components?: unknown } | undefined): string[] =>
  ((message?.components ?? []) as { components: { custom_id?: string }[] }[]).flatMap((row) => row.components.map((component) => component.custom_id ?? ''));

describe('GIVEN the bot on an archive with lines said many times', () => {
  it('WHEN a user types in /timeline THEN autocomplete offers the lines (names ≤ 100, values their refs), the one typed first', async () => {
    const all = (await acknowledged(discord.sendAutocomplete({ name: 'timeline', options: { topic: '' } }))).data?.choices as { name: string; value: string }[];
    expect(all.map((choice) => choice.value)).toEqual([toRef(peninsula.id), toRef(reef.id)]);
    for (const choice of all) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(all[1]!.name).toMatch(/^[^｜]+｜5 次，2016–2023｜中方在南沙有关岛礁/u);
    const typed = (await acknowledged(discord.sendAutocomplete({ name: 'timeline', options: { topic: '南沙' } }))).data?.choices as { value: string }[];
    expect(typed[0]!.value).toBe(toRef(reef.id));
  });

  it('WHEN the user picks the line said 5 times THEN privately: its first wording, how long it lasted, and the one change with the added words in bold', async () => {
    const picked = discord.sendSlashCommand({ name: 'timeline', options: { topic: toRef(reef.id) } });
    const callback = await acknowledged(picked);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(Number(callback.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const embed = embedOf(picked.original());
    expect(embed.title).toBe(archiveMessages.timelineTitle(reef.topic));
    expect(embed.description).toBe(
      [
        '首次 **2016-05-10**（此后同样措辞又说过 2 次，至 2019-03-04）',
        '**记者问（路透社）**：有报道称，中方近期在南沙群岛继续开展岛礁建设。中方对此有何回应？',
        '中方在南沙有关岛礁上的建设完全是中国主权范围内的事，不针对任何国家。我们敦促有关国家停止在南海问题上挑动对立，切实尊重地区国家维护和平稳定的努力。',
        '',
        '**2021-08-16**（此后同样措辞又说过 1 次，至 2023-02-20）',
        '**记者问（共同社）**：菲律宾外交部今天就南沙岛礁建设发表声明。中方对此有何回应？',
        '中方在南沙有关岛礁上的建设完全是中国主权范围内的事，不针对任何国家**，也不影响各国依法享有的航行自由**。我们敦促有关国家停止在南海问题上挑动对立，切实尊重地区国家维护和平稳定的努力。',
      ].join('\n'),
    );
    expect(embed.footer?.text).toBe('说过 5 次（2016-05-10 至 2023-02-20），措辞变化 1 次 · 粗体为新增，删除线为删去');
    expect(customIds(picked.original())).toEqual([]);
  });

  it('WHEN the user picks the line whose wording changed nine times THEN it is paged like answers: ▶ and ◀ update the message within Discord’s limits', async () => {
    const picked = discord.sendSlashCommand({ name: 'timeline', options: { topic: toRef(peninsula.id) } });
    await acknowledged(picked);
    const first = structuredClone(picked.original()!);
    const footer = embedOf(first).footer!.text;
    expect(footer).toMatch(/^说过 10 次（2010-03-10 至 2019-03-19），措辞变化 9 次 · 粗体为新增，删除线为删去 · 第 1\/(\d) 页$/u);
    const pages = Number(/第 1\/(\d) 页$/u.exec(footer)![1]);
    expect(pages).toBeGreaterThan(1);
    const [previous, next] = customIds(first);
    expect([previous, next]).toEqual([`kj:tl:0:${toRef(peninsula.id)}`, `kj:tl:1:${toRef(peninsula.id)}`]);
    let message: FakeMessage = first;
    const seen = [embedOf(first).description!];
    for (let page = 2; page <= pages; page++) {
      const forward = await acknowledged(discord.sendButton({ customId: customIds(message)[1]!, message }));
      expect(forward.type).toBe(InteractionResponseType.UpdateMessage);
      const data = forward.data as { embeds: APIEmbed[]; components: unknown };
      expect(data.embeds[0]!.footer!.text).toMatch(new RegExp(`第 ${page}/${pages} 页$`, 'u'));
      seen.push(data.embeds[0]!.description!);
      message = { ...message, ...data } as FakeMessage;
    }
    // Every wording is shown once, each change marked; the latest wording's added clause is bold.
    const all = seen.join('\n\n');
    expect(all.match(/\*\*20\d\d-03-1\d\*\*/gu)).toHaveLength(10);
    expect(all).toContain('**，分阶段、同步走**');
    expect(all.replace(/\*\*|~~/gu, '')).toContain(peninsulaVersions()[0]);
    const back = await acknowledged(discord.sendButton({ customId: customIds(message)[0]!, message }));
    expect((back.data as { embeds: APIEmbed[] }).embeds[0]!.description).toBe(seen[pages - 2]);
  });

  it('WHEN the user types a question instead of picking THEN the timeline of its answer’s line; WHEN nothing is said twice THEN a clear private note', async () => {
    const typed = discord.sendSlashCommand({ name: 'timeline', options: { topic: '南沙岛礁建设' } });
    await acknowledged(typed);
    expect(embedOf(typed.original()).title).toBe(archiveMessages.timelineTitle(reef.topic));
    const nothing = await acknowledged(discord.sendSlashCommand({ name: 'timeline', options: { topic: '帮我写一首诗' } }));
    expect(nothing.data?.content).toBe(archiveMessages.timelineNotFound);
  });
});

describe('GIVEN /ask with a 时间', () => {
  it('WHEN the time is a year THEN the statement of that year is quoted, and the footer says which time of the line it is', async () => {
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '南沙岛礁建设', time: '2017' } });
    await acknowledged(ask);
    const embed = embedOf(ask.original());
    expect(embed.footer!.text).toContain('2017-07-12');
    expect(embed.footer!.text.split('\n')).toContain('这一回答在记录中说过 5 次（2016-05-10 至 2023-02-20），此处引用 2017-07-12 的一次（更贴合问题），最近一次在 2023-02-20。');
  });

  it('WHEN the time is no year THEN a private note says how to write it; WHEN no statement of those years THEN the reply says so', async () => {
    const bad = await acknowledged(discord.sendSlashCommand({ name: 'ask', options: { question: '南沙岛礁建设', time: '很久以前' } }));
    expect(bad.data?.content).toBe(archiveMessages.badPeriod('很久以前'));
    expect(Number(bad.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const none = await acknowledged(discord.sendSlashCommand({ name: 'ask', options: { question: '南沙岛礁建设', time: '2000-2005' } }));
    expect(String(none.data?.content).split('\n')[0]).toBe(archiveMessages.noMatchInPeriod(2000, 2005));
  });
});
