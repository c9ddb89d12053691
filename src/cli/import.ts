/**
 * `npm run import -- <url|file.html|folder> … [--out <dir>]`
 * Reads the ministry's transcript pages (saved files, every .html/.htm/.shtml page of a folder,
 * or URLs) and writes each as `<out>/<date>-<slug>.txt` with its `.meta.json` (default out:
 * index-data/sources). The only place of the importer that reads or writes files or fetches.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCES_PATH } from '../index-file.js';
import { importPage, type ImportedTranscript } from '../import/import-page.js';

/** Names the importer to the ministry's web servers. */
export const USER_AGENT = 'koujing/0.1 (press-conference transcript importer; one request at a time)';

/** Saved pages a folder may hold. */
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml']);

const USAGE = 'npm run import -- <url|file.html|folder> … [--out <dir>]';

/** How politely pages are fetched. */
export interface FetchPolicy {
  /** Give up on one attempt after this long (connecting and reading the body). */
  timeoutMs: number;
  /** Attempts after the first, on a 5xx status, a network error or a timeout; never on 4xx. */
  retries: number;
  /** Wait before the first retry; doubled before each next one (a 503's Retry-After wins, up to maxBackoffMs). */
  backoffMs: number;
  maxBackoffMs: number;
  /** Pause between two pages fetched in one run. */
  pauseMs: number;
}

export const DEFAULT_FETCH_POLICY: Readonly<FetchPolicy> = Object.freeze({
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
  pauseMs: 1_000,
});

/** Where the CLI writes its lines, and how it fetches (tests shorten the waits). */
export interface ImportIo {
  out: (line: string) => void;
  err: (line: string) => void;
  policy: FetchPolicy;
}

/** A page's bytes and where they came from, or why they could not be had. */
type Fetched = { ok: true; bytes: Uint8Array; contentType: string | null; url: string } | { ok: false; reason: string };

/**
 * Fetches one page with Node's fetch: a koujing user agent, one attempt at a time, each
 * bounded by the timeout; 5xx answers, network errors and timeouts are retried with doubling
 * back-off, a 4xx answer is final. Redirects are followed; the final address is returned.
 */
export async function fetchPage(url: string, policy: FetchPolicy, warn: (line: string) => void): Promise<Fetched> {
  const attempts = policy.retries + 1;
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    let retryAfterMs: number | null = null;
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml' },
        redirect: 'follow',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      if (response.ok) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { ok: true, bytes, contentType: response.headers.get('content-type'), url: response.url || url };
      }
      await response.body?.cancel();
      problem = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status < 500) return { ok: false, reason: `${problem} (not retried)` };
      retryAfterMs = retryAfter(response.headers.get('retry-after'));
    } catch (error) {
      problem = describeFetchError(error, policy.timeoutMs);
    }
    if (attempt === attempts) break;
    const waitMs = Math.min(retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs);
    warn(`import: ${url}: ${problem}; retrying in ${formatSeconds(waitMs)} (attempt ${attempt + 1} of ${attempts})`);
    await sleep(waitMs);
  }
  return { ok: false, reason: `${problem} (gave up after ${attempts} attempts)` };
}

/** `Retry-After: 5` → 5000 ms; a date or nothing → null. */
function retryAfter(header: string | null): number | null {
  return header !== null && /^\d+$/u.test(header.trim()) ? Number(header.trim()) * 1000 : null;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const named = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (named.name === 'TimeoutError' || named.name === 'AbortError') return `no answer within ${formatSeconds(timeoutMs)}`;
  const cause = named.cause?.code ?? named.cause?.message;
  return `network error: ${named.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

/** One thing to import, as named on the command line. */
type Source = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** Expands the command line's sources: URLs as given, a folder's pages sorted by name. Throws `import: …` on a missing path or a folder without pages. */
function expandSources(args: readonly string[]): Source[] {
  return args.flatMap((arg): Source[] => {
    if (/^https?:\/\//iu.test(arg)) return [{ kind: 'url', url: arg }];
    const path = resolve(arg);
    if (!existsSync(path)) throw new Error(`import: ${arg} does not exist (give a URL, an .html file or a folder).`);
    if (!statSync(path).isDirectory()) return [{ kind: 'file', path }];
    const pages = readdirSync(path).filter((name) => PAGE_EXTENSIONS.has(extname(name).toLowerCase())).sort();
    if (pages.length === 0) throw new Error(`import: no .html, .htm or .shtml page in ${arg}.`);
    return pages.map((name) => ({ kind: 'file', path: join(path, name) }));
  });
}

/** What writing a transcript did. */
type WriteOutcome = 'written' | 'updated' | 'unchanged';

/**
 * Writes `<name>.txt` and `<name>.meta.json` in `dir`. Files already holding exactly these
 * bytes are left alone (re-importing a page changes nothing); otherwise each file is written
 * to a temporary name and renamed over, so a reader never sees half a file.
 */
function writeTranscript(dir: string, transcript: ImportedTranscript): WriteOutcome {
  const { name, text, metaJson } = transcript.files;
  const files: [string, string][] = [
    [join(dir, `${name}.txt`), text],
    [join(dir, `${name}.meta.json`), metaJson],
  ];
  const existing = files.map(([path]) => (existsSync(path) ? readFileSync(path, 'utf8') : null));
  if (files.every(([, content], index) => existing[index] === content)) return 'unchanged';
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of files) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  }
  return existing.every((content) => content === null) ? 'written' : 'updated';
}

/**
 * Runs the importer on a command line; returns the exit code: 0 when every page was imported
 * (or was already), 1 when any was refused or could not be had (the others are still written).
 */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  let sources: Source[];
  let outDir: string;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { out: { type: 'string' } }, allowPositionals: true });
    if (positionals.length === 0) throw new Error(`import: give a URL, an .html file or a folder: ${USAGE}`);
    sources = expandSources(positionals);
    outDir = resolve(values.out ?? DEFAULT_SOURCES_PATH);
  } catch (error) {
    io.err((error as Error).message.startsWith('import:') ? (error as Error).message : `import: ${(error as Error).message} (${USAGE})`);
    return 1;
  }

  let failures = 0;
  let fetched = 0;
  /** Names written in this run, and from which source: two pages must not overwrite each other. */
  const writtenBy = new Map<string, { from: string; text: string; metaJson: string }>();
  for (const source of sources) {
    const label = source.kind === 'url' ? source.url : displayPath(source.path);
    let bytes: Uint8Array;
    let origin: { url: string | null; contentType: string | null };
    if (source.kind === 'url') {
      if (fetched > 0 && io.policy.pauseMs > 0) await sleep(io.policy.pauseMs);
      fetched += 1;
      const page = await fetchPage(source.url, io.policy, io.err);
      if (!page.ok) {
        io.err(`import: ${label}: ${page.reason}; nothing written.`);
        failures += 1;
        continue;
      }
      bytes = page.bytes;
      origin = { url: page.url, contentType: page.contentType };
    } else {
      try {
        bytes = readFileSync(source.path);
      } catch (error) {
        io.err(`import: ${label}: cannot read it: ${(error as Error).message}`);
        failures += 1;
        continue;
      }
      origin = { url: null, contentType: null };
    }

    const result = importPage(bytes, origin);
    if (!result.ok) {
      io.err(`import: ${label}: ${result.reason}; nothing written.`);
      failures += 1;
      continue;
    }
    const { transcript } = result;
    const earlier = writtenBy.get(transcript.files.name);
    if (earlier && (earlier.text !== transcript.files.text || earlier.metaJson !== transcript.files.metaJson)) {
      io.err(`import: ${label}: it would overwrite ${transcript.files.name}.txt, written from ${earlier.from} in this run with other text; nothing written.`);
      failures += 1;
      continue;
    }
    const outcome = writeTranscript(outDir, transcript);
    writtenBy.set(transcript.files.name, { from: label, text: transcript.files.text, metaJson: transcript.files.metaJson });
    const target = displayPath(join(outDir, transcript.files.name));
    const { meta } = transcript;
    io.out(`import: ${label} → ${target}.txt (+ .meta.json): ${outcome}; ${meta.date}, ${meta.speaker}, ${meta.language}, ${transcript.paragraphs} paragraphs`);
  }
  return failures === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runImport(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    policy: DEFAULT_FETCH_POLICY,
  });
}
