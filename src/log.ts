import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths pino replaces with `[redacted]`. The token is never passed to a log call on purpose;
 * this is the second lock, for an object that carries it by accident (a config, request headers).
 */
export const REDACTED_PATHS = [
  'token',
  'discordToken',
  '*.token',
  '*.discordToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

/**
 * Creates the process's JSON logger (pino) at `level`, writing to stdout unless `destination` is given.
 * `createLogger('info').info({ guilds: 3 }, 'ready')` → `{"level":30,…,"guilds":3,"msg":"ready"}`
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'koujing' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
