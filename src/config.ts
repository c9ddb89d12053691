import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_INDEX_PATH, PROJECT_ROOT } from './index-file.js';

/**
 * The bot's settings, read once from the environment (and `.env`) by `loadConfig()`.
 * This is the only module that reads `process.env`; `.env.example` documents every key.
 */
export interface Config {
  /** DISCORD_TOKEN: the bot token; null → console mode. Never logged. */
  discordToken: string | null;
  /** DISCORD_APPLICATION_ID: needed by deploy-commands; the running bot learns it from READY. */
  applicationId: string | null;
  /** DISCORD_GUILD_ID: deploy-commands registers to this guild (instant) instead of globally. */
  guildId: string | null;
  /** ANSWER_CHANNEL_IDS: channels where the bot answers questions without being mentioned. */
  answerChannelIds: readonly string[];
  /** MESSAGE_CONTENT_INTENT: whether the privileged Message Content intent is enabled for the app. */
  messageContentIntent: boolean;
  /** RATE_LIMIT_QUESTIONS per RATE_LIMIT_WINDOW_SECONDS, per user. */
  rateLimit: { questions: number; windowMs: number };
  /** LOG_LEVEL: pino level. */
  logLevel: LogLevel;
  /** DISCORD_API_BASE: REST base (the gateway URL is discovered from it), e.g. http://127.0.0.1:8080/api; null → Discord. */
  apiBase: string | null;
  /** SHARDS (with SHARDING_MANAGER / SHARD_COUNT set by discord.js in shard processes). */
  sharding: Sharding;
  /** INDEX_PATH: the built index; defaults to index-data/index.json. The bot reloads it on SIGHUP and /reload. */
  indexPath: string;
  /** OWNER_IDS: users who may run /reload, besides the application's owner (or its team) that Discord names. */
  ownerIds: readonly string[];
  /** FEEDBACK, FEEDBACK_DB_PATH, FEEDBACK_RETENTION_DAYS: votes and the question log (the bot only). */
  feedback: FeedbackSettings;
}

/** Where the bot keeps feedback, and for how long. */
export interface FeedbackSettings {
  /** FEEDBACK: false → nothing is kept and answers carry no 👍/👎. Default true. */
  enabled: boolean;
  /** FEEDBACK_DB_PATH: the SQLite file; default data/koujing.sqlite. */
  path: string;
  /** FEEDBACK_RETENTION_DAYS: records older than this are deleted; default 90. */
  retentionDays: number;
}

export type LogLevel = (typeof LOG_LEVELS)[number];

/** `off`: one process; `manager`: spawn shards; `shard`: this process is one shard spawned by the manager. */
export type Sharding =
  | { mode: 'off' }
  | { mode: 'manager'; totalShards: number | 'auto' }
  | { mode: 'shard'; ids: number[]; count: number };

/** A missing or malformed setting; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `config: cannot start, ${problems.length === 1 ? '1 setting is' : `${problems.length} settings are`} wrong (see .env.example):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The environment as a plain map of strings. */
export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SNOWFLAKE = /^\d{17,20}$/;
const SNOWFLAKE_MESSAGE = 'must be a Discord id (17 to 20 digits)';

/** Unset and blank (`KEY=` in a copied .env.example) mean the same: use the default. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), schema.optional());

const booleanText = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' });
const isTrue = (text: string) => ['true', '1', 'yes'].includes(text);
const wholeNumberText = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const envSchema = z.object({
  DISCORD_TOKEN: optionalText(
    z.string().superRefine((token, context) => {
      if (/^bot\s/i.test(token)) context.addIssue({ code: 'custom', message: 'must be the bare token, without the "Bot " prefix' });
      else if (!/^[A-Za-z0-9._-]+$/.test(token))
        context.addIssue({ code: 'custom', message: 'must be the token from the Developer Portal (letters, digits, dots, - and _)' });
    }),
  ),
  DISCORD_APPLICATION_ID: optionalText(z.string().regex(SNOWFLAKE, SNOWFLAKE_MESSAGE)),
  DISCORD_GUILD_ID: optionalText(z.string().regex(SNOWFLAKE, SNOWFLAKE_MESSAGE)),
  ANSWER_CHANNEL_IDS: optionalText(
    z
      .string()
      .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine((ids) => ids.every((id) => SNOWFLAKE.test(id)), 'must be a comma-separated list of Discord channel ids'),
  ),
  MESSAGE_CONTENT_INTENT: optionalText(booleanText),
  RATE_LIMIT_QUESTIONS: optionalText(wholeNumberText(1, 1000)),
  RATE_LIMIT_WINDOW_SECONDS: optionalText(wholeNumberText(1, 86_400)),
  LOG_LEVEL: optionalText(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DISCORD_API_BASE: optionalText(
    z.string().refine((text) => {
      try {
        return ['http:', 'https:'].includes(new URL(text).protocol);
      } catch {
        return false;
      }
    }, 'must be an http(s) URL, e.g. http://127.0.0.1:8080/api'),
  ),
  SHARDS: optionalText(z.union([z.literal('auto'), wholeNumberText(1, 10_000)], { error: 'must be "auto" or a whole number of shards from 1 to 10000' })),
  SHARD_ID: optionalText(wholeNumberText(0, 9_999)),
  SHARD_COUNT: optionalText(wholeNumberText(1, 10_000)),
  INDEX_PATH: optionalText(z.string()),
  OWNER_IDS: optionalText(
    z
      .string()
      .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine((ids) => ids.every((id) => SNOWFLAKE.test(id)), 'must be a comma-separated list of Discord user ids'),
  ),
  FEEDBACK: optionalText(booleanText),
  FEEDBACK_DB_PATH: optionalText(z.string()),
  FEEDBACK_RETENTION_DAYS: optionalText(wholeNumberText(1, 3650)),
});

/** The keys a person sets (`.env.example` documents each); SHARD_ID and SHARD_COUNT come from discord.js's ShardingManager. */
export const CONFIG_KEYS = Object.keys(envSchema.shape).filter((key) => key !== 'SHARD_ID' && key !== 'SHARD_COUNT');

/**
 * Parses settings from an explicit environment (tests pass their own; `loadConfig` passes the real one).
 * Throws `ConfigError` naming every wrong key at once; values are never echoed, so the token cannot leak.
 *
 * `parseConfig({ LOG_LEVEL: 'loud' })` → ConfigError "config: cannot start, 1 setting is wrong … - LOG_LEVEL: must be one of …"
 */
export function parseConfig(env: Env): Config {
  // discord.js's ShardingManager starts each shard with SHARDING_MANAGER=true, SHARDS=<this shard's id>, SHARD_COUNT=<n>.
  const isShard = env['SHARDING_MANAGER'] === 'true';
  const parsed = envSchema.safeParse(
    isShard ? { ...env, SHARDS: undefined, SHARD_ID: env['SHARDS'] } : { ...env, SHARD_ID: undefined, SHARD_COUNT: undefined },
  );
  if (!parsed.success) {
    // One line per key: the first thing wrong with it.
    const problems = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (!problems.has(key)) problems.set(key, `${key}: ${issue.message}`);
    }
    throw new ConfigError([...problems.values()]);
  }
  const e = parsed.data;
  return {
    discordToken: e.DISCORD_TOKEN ?? null,
    applicationId: e.DISCORD_APPLICATION_ID ?? null,
    guildId: e.DISCORD_GUILD_ID ?? null,
    answerChannelIds: e.ANSWER_CHANNEL_IDS ?? [],
    messageContentIntent: e.MESSAGE_CONTENT_INTENT === undefined ? false : isTrue(e.MESSAGE_CONTENT_INTENT),
    rateLimit: {
      questions: e.RATE_LIMIT_QUESTIONS ?? DEFAULT_RATE_LIMIT_QUESTIONS,
      windowMs: (e.RATE_LIMIT_WINDOW_SECONDS ?? DEFAULT_RATE_LIMIT_WINDOW_SECONDS) * 1000,
    },
    logLevel: e.LOG_LEVEL ?? 'info',
    apiBase: e.DISCORD_API_BASE ?? null,
    sharding:
      isShard && e.SHARD_ID !== undefined && e.SHARD_COUNT !== undefined
        ? { mode: 'shard', ids: [e.SHARD_ID], count: e.SHARD_COUNT }
        : e.SHARDS === undefined
          ? { mode: 'off' }
          : { mode: 'manager', totalShards: e.SHARDS },
    indexPath: e.INDEX_PATH === undefined ? DEFAULT_INDEX_PATH : resolve(e.INDEX_PATH),
    ownerIds: e.OWNER_IDS ?? [],
    feedback: {
      enabled: e.FEEDBACK === undefined ? true : isTrue(e.FEEDBACK),
      path: e.FEEDBACK_DB_PATH === undefined ? DEFAULT_FEEDBACK_DB_PATH : resolve(e.FEEDBACK_DB_PATH),
      retentionDays: e.FEEDBACK_RETENTION_DAYS ?? DEFAULT_FEEDBACK_RETENTION_DAYS,
    },
  };
}

/**
 * Reads `.env` (path from DOTENV_CONFIG_PATH, else ./.env; a missing file is fine) under the real
 * environment, which wins, and parses the result once. Throws `ConfigError`.
 */
export function loadConfig(): Config {
  const dotenvPath = process.env['DOTENV_CONFIG_PATH'] ?? resolve('.env');
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotenv(readFileSync(dotenvPath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return parseConfig({ ...fromFile, ...process.env });
}

/** Default per-user rate limit: 5 questions … */
export const DEFAULT_RATE_LIMIT_QUESTIONS = 5;
/** … per 60 seconds. */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60;
/** Default feedback database (git-ignored). */
export const DEFAULT_FEEDBACK_DB_PATH = resolve(PROJECT_ROOT, 'data/koujing.sqlite');
/** Default days feedback is kept. */
export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;
