import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { Logger } from '../log.js';

/**
 * Logs a failure at `level` with `fields` (channel, guild, interaction …). A failed Discord
 * request is described by its error code, HTTP status and route (`POST /channels/:id/messages`,
 * interaction and webhook tokens replaced by `:token`); the request body, which holds the whole
 * answer, goes to a second line at debug level only. Other errors are logged whole as `err`.
 */
export function logFailure(logger: Logger, level: 'info' | 'warn' | 'error', error: unknown, fields: Record<string, unknown>, message: string): void {
  const request = describeRequestError(error);
  if (request === null) {
    logger[level]({ ...fields, err: error }, message);
    return;
  }
  const { body, ...described } = request;
  logger[level]({ ...fields, ...described }, message);
  if (body !== undefined) logger.debug({ ...fields, route: described.route, body }, `${message}: the request body`);
}

/** A failed Discord request as a log line shows it (`body` only for the debug line). */
export interface RequestError {
  /** Discord's JSON error code (50013 Missing Permissions …), or the HTTP status when there is none. */
  code: number | string;
  status: number;
  route: string;
  reason: string;
  body?: unknown;
}

/** Describes a discord.js REST error (DiscordAPIError, HTTPError, RateLimitError); anything else → null. */
export function describeRequestError(error: unknown): RequestError | null {
  if (error instanceof DiscordAPIError) {
    return { code: error.code, status: error.status, route: routeOf(error.method, error.url), reason: error.message, body: error.requestBody.json };
  }
  if (error instanceof HTTPError) {
    return { code: error.status, status: error.status, route: routeOf(error.method, error.url), reason: error.message, body: error.requestBody.json };
  }
  if (error instanceof RateLimitError) {
    return { code: 429, status: 429, route: routeOf(error.method, error.url), reason: `rate limited on ${error.route}; retry after ${error.retryAfter} ms` };
  }
  return null;
}

/**
 * The method and path of a request, without the API base and version, and without the secret
 * parts of interaction and webhook routes.
 * `routeOf('post', 'https://discord.com/api/v10/interactions/123/aW50ZXJh/callback')` → `POST /interactions/123/:token/callback`
 */
export function routeOf(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  path = path
    .replace(/^.*?\/v\d+(?=\/)/, '')
    .replace(/^(\/interactions\/\d+\/)[^/]+/, '$1:token')
    .replace(/^(\/webhooks\/\d+\/)[^/]+/, '$1:token');
  return `${method.toUpperCase()} ${path}`;
}
