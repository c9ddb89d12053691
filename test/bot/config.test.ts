import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_KEYS, ConfigError, DEFAULT_FEEDBACK_DB_PATH, loadConfig, parseConfig } from '../../src/config.js';
import { DEFAULT_INDEX_PATH, PROJECT_ROOT } from '../../src/index-file.js';

describe('parseConfig', () => {
  it('GIVEN an empty environment THEN it is console mode with the defaults', () => {
    expect(parseConfig({})).toEqual({
      discordToken: null,
      applicationId: null,
      guildId: null,
      answerChannelIds: [],
      messageContentIntent: false,
      rateLimit: { questions: 5, windowMs: 60_000 },
      logLevel: 'info',
      apiBase: null,
      sharding: { mode: 'off' },
      indexPath: DEFAULT_INDEX_PATH,
      ownerIds: [],
      feedback: { enabled: true, path: DEFAULT_FEEDBACK_DB_PATH, retentionDays: 90 },
    });
    expect(DEFAULT_FEEDBACK_DB_PATH).toBe(join(PROJECT_ROOT, 'data/koujing.sqlite'));
  });

  it('GIVEN every setting well formed THEN each is read', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'MTE4.abc-_def.ghi',
      DISCORD_APPLICATION_ID: '1180000000000000001',
      DISCORD_GUILD_ID: '1180000000000000100',
      ANSWER_CHANNEL_IDS: ' 1180000000000000101, 1180000000000000102 ,',
      MESSAGE_CONTENT_INTENT: 'true',
      RATE_LIMIT_QUESTIONS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '30',
      LOG_LEVEL: 'debug',
      DISCORD_API_BASE: 'http://127.0.0.1:8080/api',
      SHARDS: 'auto',
      INDEX_PATH: '/tmp/index.json',
      OWNER_IDS: '1180000000000000201,1180000000000000202',
      FEEDBACK: 'false',
      FEEDBACK_DB_PATH: '/tmp/feedback.sqlite',
      FEEDBACK_RETENTION_DAYS: '30',
    });
    expect(config).toMatchObject({
      discordToken: 'MTE4.abc-_def.ghi',
      applicationId: '1180000000000000001',
      guildId: '1180000000000000100',
      answerChannelIds: ['1180000000000000101', '1180000000000000102'],
      messageContentIntent: true,
      rateLimit: { questions: 3, windowMs: 30_000 },
      logLevel: 'debug',
      apiBase: 'http://127.0.0.1:8080/api',
      sharding: { mode: 'manager', totalShards: 'auto' },
      indexPath: '/tmp/index.json',
      ownerIds: ['1180000000000000201', '1180000000000000202'],
      feedback: { enabled: false, path: '/tmp/feedback.sqlite', retentionDays: 30 },
    });
  });

  it('GIVEN blank values (KEY= copied from .env.example) THEN they mean unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: '' })).toMatchObject({ discordToken: null, guildId: null, logLevel: 'info' });
  });

  it('GIVEN several malformed settings THEN one error lists every problem, one line per key', () => {
    const env = {
      DISCORD_TOKEN: 'Bot MTE4.secret',
      DISCORD_GUILD_ID: '12',
      ANSWER_CHANNEL_IDS: '1180000000000000101,general',
      MESSAGE_CONTENT_INTENT: 'maybe',
      RATE_LIMIT_QUESTIONS: '0',
      RATE_LIMIT_WINDOW_SECONDS: 'soon',
      LOG_LEVEL: 'loud',
      DISCORD_API_BASE: 'discord.com',
      SHARDS: 'many',
      FEEDBACK: 'sometimes',
      FEEDBACK_RETENTION_DAYS: '0',
    };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(
      [
        'config: cannot start, 11 settings are wrong (see .env.example):',
        '  - DISCORD_TOKEN: must be the bare token, without the "Bot " prefix',
        '  - DISCORD_GUILD_ID: must be a Discord id (17 to 20 digits)',
        '  - ANSWER_CHANNEL_IDS: must be a comma-separated list of Discord channel ids',
        '  - MESSAGE_CONTENT_INTENT: must be true or false',
        '  - RATE_LIMIT_QUESTIONS: must be a whole number from 1 to 1000',
        '  - RATE_LIMIT_WINDOW_SECONDS: must be a whole number from 1 to 86400',
        '  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
        '  - DISCORD_API_BASE: must be an http(s) URL, e.g. http://127.0.0.1:8080/api',
        '  - SHARDS: must be "auto" or a whole number of shards from 1 to 10000',
        '  - FEEDBACK: must be true or false',
        '  - FEEDBACK_RETENTION_DAYS: must be a whole number from 1 to 3650',
      ].join('\n'),
    );
  });

  it('GIVEN a malformed token THEN the message names the key but never shows the token', () => {
    const error = (() => {
      try {
        parseConfig({ DISCORD_TOKEN: 'MTE4 secret value' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toBe(
      'config: cannot start, 1 setting is wrong (see .env.example):\n  - DISCORD_TOKEN: must be the token from the Developer Portal (letters, digits, dots, - and _)',
    );
    expect(error.message).not.toContain('secret');
  });

  it('GIVEN the environment discord.js gives a shard process THEN it is that shard, and SHARDS is its id', () => {
    expect(parseConfig({ SHARDING_MANAGER: 'true', SHARDS: '3', SHARD_COUNT: '4' }).sharding).toEqual({ mode: 'shard', ids: [3], count: 4 });
  });
});

describe('.env.example', () => {
  const example = parseDotenv(readFileSync(join(PROJECT_ROOT, '.env.example')));

  it('GIVEN the example THEN it documents every key the config reads', () => {
    expect(Object.keys(example).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('GIVEN the example copied as is THEN it is a valid config (console mode)', () => {
    expect(parseConfig(example).discordToken).toBeNull();
  });
});

describe('loadConfig', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('GIVEN a .env file THEN its values are read, and the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koujing-config-'));
    const path = join(dir, '.env');
    writeFileSync(path, 'LOG_LEVEL=warn\nRATE_LIMIT_QUESTIONS=7\n');
    vi.stubEnv('DOTENV_CONFIG_PATH', path);
    vi.stubEnv('RATE_LIMIT_QUESTIONS', '9');
    expect(loadConfig()).toMatchObject({ logLevel: 'warn', rateLimit: { questions: 9 } });
  });

  it('GIVEN no .env file THEN it reads the environment alone', () => {
    vi.stubEnv('DOTENV_CONFIG_PATH', '/nonexistent/.env');
    vi.stubEnv('LOG_LEVEL', 'error');
    expect(loadConfig().logLevel).toBe('error');
  });
});
