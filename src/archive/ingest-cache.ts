import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestResult, SourceInput } from '../ingest/pipeline.js';
import type { AnalyzerFiles } from '../text/index.js';

/**
 * A cache of what ingest made of each transcript, so that adding one transcript to an archive
 * of thousands re-ingests that one only. An entry is keyed by a content hash of everything the
 * result depends on: the transcript's text, its metadata, the analyzer's data files (their
 * contents) and the code of ingest and text analysis (their source files), so an entry can never
 * be reused for a result that would differ. One JSON file per entry under `<dir>/ingest/`;
 * build-index keeps it beside the index (`index-data/.cache/`, git-ignored).
 */

/** Bumped when the shape of an entry changes. */
const ENTRY_VERSION = 1;

/** What a build did with the cache. */
export interface CacheFigures {
  /** Sources whose result was read from the cache. */
  reused: number;
  /** Sources ingested (and written to the cache). */
  ingested: number;
  /** Entries no source of this build used, deleted. */
  pruned: number;
}

/** The cache of one build; `finish` deletes the entries it did not use. */
export interface IngestCache {
  readonly dir: string;
  /** The result of ingesting `text` with `input`, from the cache or from `ingest` (then stored). */
  ingest(text: string, input: SourceInput, ingest: () => IngestResult): IngestResult;
  /** Deletes the entries this build did not use; returns the figures. */
  finish(): CacheFigures;
}

/**
 * Opens (creating it if needed) the cache in `dir` for builds with the analyzer of `files`.
 * The key of an entry: sha256 of the entry version, the hash of the ingest and text source
 * files, the analyzer's data files, the metadata and the text.
 */
export function openIngestCache(dir: string, files: Readonly<AnalyzerFiles>): IngestCache {
  const folder = join(dir, 'ingest');
  mkdirSync(folder, { recursive: true });
  const context = `${ENTRY_VERSION}\u0000${codeHash()}\u0000${analyzerHash(files)}`;
  const used = new Set<string>();
  const figures: CacheFigures = { reused: 0, ingested: 0, pruned: 0 };
  return {
    dir,
    ingest(text, input, ingest) {
      const key = createHash('sha256').update(context).update('\u0000').update(JSON.stringify(input)).update('\u0000').update(text).digest('hex');
      used.add(key);
      const path = join(folder, `${key}.json`);
      const cached = readEntry(path);
      if (cached !== undefined) {
        figures.reused++;
        return cached;
      }
      const result = ingest();
      writeFileSync(path, JSON.stringify(result));
      figures.ingested++;
      return result;
    },
    finish() {
      for (const name of readdirSync(folder)) {
        if (!name.endsWith('.json') || used.has(name.slice(0, -'.json'.length))) continue;
        rmSync(join(folder, name), { force: true });
        figures.pruned++;
      }
      return { ...figures };
    },
  };
}

/** An entry, or undefined when it is missing or unreadable (a half-written file is ingested again). */
function readEntry(path: string): IngestResult | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as IngestResult;
  } catch {
    return undefined;
  }
}

/** The default cache folder of an index: `.cache` beside it. */
export function cacheDirOf(indexPath: string): string {
  return join(dirname(resolve(indexPath)), '.cache');
}

let code: string | undefined;

/** sha256 over the source files of ingest and text analysis (this build's code), read once. */
function codeHash(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha256');
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const folder of ['ingest', 'text']) {
    const path = join(src, folder);
    for (const name of readdirSync(path).sort()) {
      if (!/\.(?:ts|js)$/u.test(name) || !statSync(join(path, name)).isFile()) continue;
      hash.update(`${folder}/${name}\u0000`).update(readFileSync(join(path, name))).update('\u0000');
    }
  }
  code = hash.digest('hex');
  return code;
}

/** sha256 over the analyzer's data files (their contents) and the version of nodejieba (its own dictionaries). */
function analyzerHash(files: Readonly<AnalyzerFiles>): string {
  const hash = createHash('sha256');
  const jieba = createRequire(import.meta.url)('nodejieba/package.json') as { version: string };
  hash.update(`nodejieba ${jieba.version}\u0000`);
  for (const [key, path] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof path !== 'string') continue;
    hash.update(`${key}\u0000`);
    hash.update(existsSync(path) ? readFileSync(path) : `missing ${path}`).update('\u0000');
  }
  return hash.digest('hex');
}
