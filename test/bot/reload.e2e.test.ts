/**
 * End to end: reloading a rebuilt index while the bot runs. The real bot against the Discord
 * stand-in answers /ask under load while its owner runs /reload; `npm start`'s entry reloads on
 * SIGHUP. Indexes are built from written briefings into temporary folders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/client.js';
import { loadCommands } from '../../src/bot/command-loader.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { serializeIndex } from '../../src/cli/build-index.js';
import { parseConfig } from '../../src/config.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { archiveMessages, messages } from '../../src/messages.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { FakeDiscord, type InteractionHandle, type RecordedCallback } from '../support/fake-discord/index.js';
import { peninsulaBriefings, reefBriefings, writeBriefings } from '../archive/helpers.js';
import { recordingLogger } from '../feedback/helpers.js';
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { cleanEnv, until, type RunningEntry } from './support/processes.js';
import { feedbackPath } from './support/world.js';

const TOKEN = 'e2e.token-for-the-stand-in';
/** The application's owner as the stand-in's REST API names it. */
const OWNER = { id: '1180000000000000999', username: 'owner' };
const analyzer = createDefaultAnalyzer();

/** Builds an index of these briefings into `path` (as `npm run build-index -- --out path` would). */
function writeIndex(path: string, briefings: ReturnType<typeof reefBriefings>): void {
  writeFileSync(path, serializeIndex(buildIndex(readSources(writeBriefings(briefings)), PROJECT, analyzer).index));
}
const PROJECT = tmpdir();
const BEFORE = reefBriefings().slice(0, 3);
const AFTER = [...reefBriefings(), ...peninsulaBriefings()];
const REEF = '南沙岛礁建设';
const PENINSULA = '中方对当前半岛形势有何看法';

async function acknowledged(handle: InteractionHandle): Promise<RecordedCallback> {
  const callback = await handle.waitForCallback();
  expect(callback.status).toBeLessThan(300);
  expect(callback.elapsedMs).toBeLessThan(3000);
  return callback;
}
/**
 * `src/main.ts` in one Node process (`node --import tsx`), as `npm start` runs the entry: the tsx
 * binary would put a process of its own in front, which passes on SIGINT and SIGTERM, not SIGHUP.
 */
function startNodeEntry(env: Record<string, string>): RunningEntry {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output: () => output, exited, stop: (signal) => void child.kill(signal) };
}
const embedOf = (message: { embeds?: APIEmbed[] } | undefined): APIEmbed | undefined => message?.embeds?.[0];
const userNo = (n: number) => ({ id: `1180000000008${String(n).padStart(6, '0')}`, username: `user${n}` });

describe('GIVEN a running bot whose index is rebuilt', () => {
  const indexPath = join(mkdtempSync(join(tmpdir(), 'koujing-reload-')), 'index.json');
  let discord: FakeDiscord;
  let bot: RunningBot;
  const log = recordingLogger('info');

  beforeAll(async () => {
    writeIndex(indexPath, BEFORE);
    discord = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, waitTimeoutMs: 10_000 });
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: discord.guild.id,
      INDEX_PATH: indexPath,
      FEEDBACK: 'false',
      RATE_LIMIT_QUESTIONS: '1000',
    });
    await deployCommands(config, await loadCommands());
    bot = await startBot(config, log.logger);
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  it('WHEN its owner runs /reload while 120 /ask are answered THEN every one is acknowledged in time with an answer, and the questions after it find the new transcripts', async () => {
    const before = await acknowledged(discord.sendSlashCommand({ name: 'ask', options: { question: PENINSULA }, user: userNo(1) }));
    expect(before.data?.content).toMatch(/^没有找到/u);
    writeIndex(indexPath, AFTER);

    const asks: InteractionHandle[] = [];
    const wave = (n: number) => Array.from({ length: n }, (_, i) => discord.sendSlashCommand({ name: 'ask', options: { question: REEF }, user: userNo(10 + (i % 20)) }));
    asks.push(...wave(40));
    const reload = discord.sendSlashCommand({ name: 'reload', user: OWNER });
    asks.push(...wave(40));
    await new Promise((resolve) => setTimeout(resolve, 50));
    asks.push(...wave(40));

    const callbacks = await Promise.all(asks.map(acknowledged));
    for (const [i, callback] of callbacks.entries()) {
      expect(callback.data?.content, `ask ${i}`).not.toBe(messages.internalError);
      expect(embedOf(callback.data as { embeds?: APIEmbed[] })?.title, `ask ${i}`).toBeDefined();
    }
    expect(log.lines().filter((line) => line.level >= 50)).toEqual([]);

    await acknowledged(reload);
    const done = await reload.waitForOriginal();
    expect(Number(done.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(done.content).toMatch(/^已重新载入索引：\d+ 个回答（之前 9 个），2 条多次出现的表述，用时 \d+ 毫秒。$/u);
    expect(log.lines()).toContainEqual(expect.objectContaining({ msg: 'index reloaded', trigger: 'command', previousUnits: 9 }));

    const after = discord.sendSlashCommand({ name: 'ask', options: { question: PENINSULA }, user: userNo(2) });
    await acknowledged(after);
    expect(embedOf(after.original())?.title).toBeDefined();
  }, 60_000);

  it('WHEN someone else runs /reload THEN they are told it is the owner’s, and nothing is reloaded', async () => {
    const reloads = log.lines().filter((line) => line.msg === 'index reloaded').length;
    const other = discord.sendSlashCommand({ name: 'reload', user: userNo(3) });
    await acknowledged(other);
    expect((await other.waitForOriginal()).content).toBe(archiveMessages.reloadNotOwner);
    expect(log.lines().filter((line) => line.msg === 'index reloaded')).toHaveLength(reloads);
  });

  it('WHEN the rebuilt index is broken THEN /reload says why, and the bot goes on answering from the index it has', async () => {
    writeFileSync(indexPath, '{ "schemaVersion": 1, "units": [');
    const reload = discord.sendSlashCommand({ name: 'reload', user: OWNER });
    await acknowledged(reload);
    expect((await reload.waitForOriginal()).content).toMatch(/^重新载入失败，仍在使用原来的索引：index-file: .*index\.json is not valid JSON/u);
    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: PENINSULA }, user: userNo(4) });
    await acknowledged(ask);
    expect(embedOf(ask.original())?.title).toBeDefined();
  });
});

describe('GIVEN `npm start`’s entry with a token', () => {
  it('WHEN it gets SIGHUP after the index was rebuilt THEN it loads the new index and answers from it, without a restart', async () => {
    const indexPath = join(mkdtempSync(join(tmpdir(), 'koujing-reload-')), 'index.json');
    writeIndex(indexPath, BEFORE);
    const fresh = await FakeDiscord.start({ token: TOKEN, waitTimeoutMs: 20_000 });
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fresh.apiBase, DISCORD_APPLICATION_ID: fresh.applicationId, DISCORD_GUILD_ID: fresh.guild.id });
    await deployCommands(config, await loadCommands());
    const entry = startNodeEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fresh.apiBase, INDEX_PATH: indexPath, LOG_LEVEL: 'info', FEEDBACK_DB_PATH: feedbackPath() });
    try {
      await fresh.waitForReady(1, 20_000);
      await until(() => entry.output().includes('"msg":"bot ready"'));
      expect((await acknowledged(fresh.sendSlashCommand({ name: 'ask', options: { question: PENINSULA } }))).data?.content).toMatch(/^没有找到/u);
      writeIndex(indexPath, AFTER);
      entry.stop('SIGHUP');
      await until(() => entry.output().includes('"msg":"index reloaded"'));
      expect(entry.output()).toMatch(/"trigger":"signal".*"previousUnits":9/u);
      const after = fresh.sendSlashCommand({ name: 'ask', options: { question: PENINSULA } });
      await acknowledged(after);
      expect(embedOf(after.original())?.title).toBeDefined();
      entry.stop('SIGTERM');
      expect(await entry.exited).toBe(0);
    } finally {
      entry.stop('SIGKILL');
      await fresh.close();
    }
  }, 60_000);
});
