import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { startBot, type RunningBot } from '../../../src/bot/client.js';
import { loadCommands } from '../../../src/bot/command-loader.js';
import { deployCommands } from '../../../src/bot/deploy.js';
import { parseConfig, type Config } from '../../../src/config.js';
import { readIndexFile } from '../../../src/index-file.js';
import { answerQuestion, createSearchIndex, getUnit, type SearchIndex } from '../../../src/search/index.js';
import { createDefaultAnalyzer } from '../../../src/text/index.js';
import type { AnswerUnit } from '../../../src/types.js';
import { FakeDiscord, type FakeDiscordOptions, type FakeMessage, type InteractionHandle, type RecordedCallback } from '../../support/fake-discord/index.js';
import { recordingLogger, type LogLine } from '../../feedback/helpers.js';

export const TOKEN = 'e2e.token-for-the-stand-in';
export const file = readIndexFile();
/** Built once: every bot of a test file shares it, as jieba loads once per process. */
export const index: SearchIndex = createSearchIndex(file, createDefaultAnalyzer());
/** Units with a reporter question, whose question the search answers with that unit. */
export const askable: AnswerUnit[] = file.units.filter((unit) => unit.question !== null && answerQuestion(index, unit.question).answer?.unitId === unit.id);

/** A path for a feedback database in a new temporary folder. */
export const feedbackPath = () => join(mkdtempSync(join(tmpdir(), 'koujing-e2e-')), 'koujing.sqlite');

/** The stand-in, a bot connected to it with commands deployed, and the bot's log. */
export interface World {
  discord: FakeDiscord;
  bot: RunningBot;
  config: Config;
  lines: () => LogLine[];
  logText: () => string;
  /** Stops the bot (if still running) and the stand-in. */
  close(): Promise<void>;
}

/** Starts a stand-in (`options`) and the bot against it (`env` over the defaults, a fresh feedback database). */
export async function startWorld(env: Record<string, string> = {}, options: FakeDiscordOptions = {}, logLevel: 'info' | 'debug' = 'info'): Promise<World> {
  const discord = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, waitTimeoutMs: 10_000, ...options });
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: discord.apiBase,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guild.id,
    RATE_LIMIT_QUESTIONS: '30',
    FEEDBACK_DB_PATH: feedbackPath(),
    ...env,
  });
  await deployCommands(config, await loadCommands());
  const log = recordingLogger(logLevel);
  const bot = await startBot(config, log.logger, { index });
  return {
    discord,
    bot,
    config,
    lines: log.lines,
    logText: log.text,
    async close() {
      await bot.stop();
      await discord.close();
    },
  };
}

/** Starts another bot on the same stand-in and settings (a restart), logging to a fresh log. */
export async function restartBot(world: World): Promise<World> {
  await world.bot.stop();
  const log = recordingLogger();
  const bot = await startBot(world.config, log.logger, { index });
  return { ...world, bot, lines: log.lines, logText: log.text, close: async () => (await bot.stop(), await world.discord.close()) };
}

/** Waits for the interaction's first callback and checks it was accepted within Discord's 3 seconds. */
export async function acknowledged(handle: InteractionHandle): Promise<RecordedCallback> {
  const callback = await handle.waitForCallback();
  expect(callback.status).toBeLessThan(300);
  expect(callback.elapsedMs).toBeLessThan(3000);
  return callback;
}

export const customIds = (message: { components?: unknown } | undefined): string[] =>
  ((message?.components ?? []) as { components: { custom_id?: string }[] }[]).flatMap((row) => row.components.map((component) => component.custom_id ?? ''));

export const embedOf = (message: { embeds?: APIEmbed[] } | undefined): APIEmbed => message!.embeds![0]!;

/** A member other than the default user (ids clear of the stand-in's own: application, guild, channels). */
export const userNo = (n: number) => ({ id: `1180000000007${String(n).padStart(6, '0')}`, username: `user${n}` });

/** The unit the search answers `question` with. */
export const unitFor = (question: string): AnswerUnit => getUnit(index, answerQuestion(index, question).answer!.unitId)!;

export type { FakeMessage };
