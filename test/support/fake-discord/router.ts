import type { ParsedBody } from './http-body.js';
import type { Json } from './payloads.js';

/** What a route handler gets. */
export interface RouteContext {
  /** Path parameters, e.g. `{ channelId: '…' }` for `/channels/:channelId`. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
  /** The body as a JSON object (`{}` when empty). */
  json: Json;
}

/** What a route handler answers: a status and a JSON body (none for 204). */
export interface RouteResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

interface Route {
  /** e.g. `'POST /channels/:channelId/messages'`. */
  pattern: string;
  method: string;
  regex: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** A method + path-pattern router for the REST API; patterns use `:name` segments. */
export class Router {
  readonly #routes: Route[] = [];

  /** Adds a route, e.g. `add('GET /channels/:channelId', handler)`. */
  add(pattern: string, handler: RouteHandler): this {
    const [method, path] = pattern.split(' ') as [string, string];
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.#routes.push({ pattern, method, regex: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** The route for `method` and `path`, with its decoded parameters, or `undefined`. */
  match(method: string, path: string): { pattern: string; handler: RouteHandler; params: Record<string, string> } | undefined {
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(found[index + 1] as string);
      });
      return { pattern: route.pattern, handler: route.handler, params };
    }
    return undefined;
  }
}
