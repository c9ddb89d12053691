import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordApiError } from './errors.js';
import { readBody, type ParsedBody } from './http-body.js';
import type { Json } from './payloads.js';
import type { Router } from './router.js';
import type { FakeDiscordState, RecordedRequest } from './state.js';

/** Paths that discord.js calls without `Authorization` (the interaction token is the credential). */
const UNAUTHENTICATED = /^\/(interactions|webhooks)\//;

/** The prefix the REST client puts before each route: `${apiBase}/v10`. */
const VERSION_PREFIX = /^\/api\/v(\d+)(\/.*)$/;

/**
 * Answers one HTTP request of the REST API: strips `/api/v10`, checks the bot token, parses the
 * body, runs the route, records the request, and answers unknown routes with Discord's 404
 * `{ message: '404: Not Found', code: 0 }`.
 */
export async function handleRestRequest(
  state: FakeDiscordState,
  router: Router,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  const versioned = VERSION_PREFIX.exec(url.pathname);
  const path = versioned?.[2] ?? url.pathname;
  const authorization = request.headers.authorization ?? null;
  const recorded: RecordedRequest = {
    method,
    path,
    route: null,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    authorization,
    status: 0,
    at: Date.now(),
  };
  let status = 500;
  let body: unknown;
  try {
    let parsed: ParsedBody;
    try {
      parsed = await readBody(request);
    } catch {
      throw new DiscordApiError(400, 50109, 'The request body contains invalid JSON.');
    }
    recorded.body = parsed.json;
    recorded.files = parsed.files;
    const route = versioned?.[1] === '10' ? router.match(method, path) : undefined;
    if (!route) throw new DiscordApiError(404, 0, '404: Not Found');
    recorded.route = route.pattern;
    if (!UNAUTHENTICATED.test(path) && !isAuthorized(state, authorization)) {
      throw new DiscordApiError(401, 0, '401: Unauthorized');
    }
    const json = parsed.json !== null && typeof parsed.json === 'object' && !Array.isArray(parsed.json) ? (parsed.json as Json) : {};
    const result = await route.handler({ params: route.params, query: url.searchParams, body: parsed, json });
    status = result.status;
    body = result.body;
  } catch (error) {
    if (error instanceof DiscordApiError) {
      status = error.status;
      body = error.toBody();
    } else {
      status = 500;
      body = { message: `FakeDiscord internal error: ${String(error)}`, code: 0 };
    }
  }
  recorded.status = status;
  state.recordRequest(recorded);
  const headers: Record<string, string> = {
    // Sane, never-exhausted rate-limit headers, so the REST client never waits.
    'x-ratelimit-limit': '50',
    'x-ratelimit-remaining': '49',
    'x-ratelimit-reset-after': '1.000',
    'x-ratelimit-reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'x-ratelimit-bucket': bucketOf(recorded.route ?? path),
  };
  if (status === 204 || body === undefined) {
    response.writeHead(status === 200 ? 204 : status, headers).end();
    return;
  }
  response.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function isAuthorized(state: FakeDiscordState, authorization: string | null): boolean {
  if (authorization === null || !authorization.startsWith('Bot ')) return false;
  return state.options.token === '' || authorization === `Bot ${state.options.token}`;
}

function bucketOf(route: string): string {
  let hash = 0;
  for (const char of route) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
