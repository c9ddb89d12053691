import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { z } from 'zod';
import type { Analyzer } from '../text/index.js';
import type { IndexFile, SourceMeta } from '../types.js';
import { INDEX_SCHEMA_VERSION } from '../index-file.js';
import type { SourceInput, IngestResult } from './pipeline.js';
import { ingestTranscript } from './pipeline.js';
import { groupLines, type LineFigures } from '../archive/group-lines.js';
import type { CacheFigures, IngestCache } from '../archive/ingest-cache.js';
import { translateEditions, type EditionReport } from '../archive/editions.js';

/** Optional `<transcript>.meta.json` beside a transcript. */
const SourceMetaFile = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').nullable().optional(),
    event: z.string().nullable().optional(),
    speaker: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    topics: z.array(z.object({ match: z.string().min(1), topic: z.string().min(1) })).optional(),
    /** Where an imported page came from (src/import); null when a saved page does not say. */
    url: z.string().nullable().optional(),
    /** The page's language; an English edition (`en`) is read as the translation of the Chinese one. */
    language: z.enum(['zh', 'en']).optional(),
  })
  .strict();

/** The language of a transcript: Chinese (the default), or an English edition. */
export type SourceLanguage = 'zh' | 'en';

/** How to rebuild the index, written into its header. */
export const REBUILD_COMMAND = 'npm run build-index';

/** A transcript read from disk with its metadata. */
export interface SourceFile {
  path: string;
  text: string;
  input: SourceInput;
  /** `zh` unless the metadata says `en`. */
  language: SourceLanguage;
  /** The metadata's `url` and `language`, as far as it gives them (imported pages); kept in the index. */
  origin: Pick<SourceMeta, 'url' | 'language'>;
}

/**
 * Reads a transcript file, or every `*.txt` in a folder (sorted by name), with the optional
 * `<name>.meta.json` next to each. Throws `build-index: …` on a missing, unreadable or empty
 * source, or malformed metadata.
 */
export function readSources(path: string): SourceFile[] {
  if (!existsSync(path)) throw new Error(`build-index: source ${path} does not exist.`);
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((name) => extname(name) === '.txt').sort().map((name) => join(path, name))
    : [path];
  if (files.length === 0) throw new Error(`build-index: no .txt transcript in ${path}.`);
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`build-index: cannot read ${file}: ${(error as Error).message}`);
    }
    if (text.trim() === '') throw new Error(`build-index: ${file} is empty.`);
    const id = basename(file, extname(file));
    const metaPath = join(dirname(file), `${id}.meta.json`);
    let meta: Omit<z.infer<typeof SourceMetaFile>, 'url' | 'language'> = {};
    let origin: Pick<SourceMeta, 'url' | 'language'> = {};
    if (existsSync(metaPath)) {
      const parsed = SourceMetaFile.safeParse(JSON.parse(readFileSync(metaPath, 'utf8')));
      if (!parsed.success) {
        throw new Error(`build-index: ${metaPath}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`);
      }
      const { url, language, ...rest } = parsed.data;
      meta = rest;
      origin = { ...(url === undefined ? {} : { url }), ...(language === undefined ? {} : { language }) };
    }
    // Without a date in the metadata, a file named as the importer names them (2019-03-08-…) says when.
    const date = meta.date ?? dateInFileName(id);
    return { path: file, text, input: { id, file: basename(file), ...meta, ...(date ? { date } : {}) }, language: origin.language ?? 'zh', origin };
  });
}

/**
 * The date a transcript's file name starts with, when it is a real date: `2019-03-08-npc` → 2019-03-08.
 *
 * @example dateInFileName('2021-06-01-mfa-qa') // → '2021-06-01'
 */
export function dateInFileName(id: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:\D|$)/u.exec(id);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? match[0].slice(0, 10) : null;
}

/** A source build-index read but did not ingest as answers, and why. */
export interface SkippedSource {
  file: string;
  reason: string;
}

/** What `buildIndex` made: the index, each ingested source's result, the sources it skipped, and the lines it grouped. */
export interface BuiltIndex {
  index: IndexFile;
  results: IngestResult[];
  skipped: SkippedSource[];
  /** The English editions aligned with their Chinese editions (src/archive/editions.ts). */
  editions: EditionReport[];
  /** How the lines said more than once were grouped (src/archive/group-lines.ts). */
  lines: LineFigures;
  /** With a cache: what was reused and what ingested (src/archive/ingest-cache.ts). */
  cache?: CacheFigures & { dir: string };
}

/** How to build. */
export interface BuildOptions {
  /** Reuse what earlier builds ingested (only the sources whose text, metadata, analyzer or code changed are ingested). */
  cache?: IngestCache;
}

/**
 * Ingests every Chinese source and puts the results in one index file; an English edition
 * (metadata `language: "en"`) gives its Chinese edition's units their official translation
 * where the alignment is certain (or is skipped, with why, when it has no Chinese edition). Then
 * groups the lines said more than once (`lines` of the index, absent when none). With `options.cache`, a source ingested before
 * (same text, metadata, analyzer data and code) is not ingested again. Fails when a source
 * yields no answer.
 * Imported sources keep their `url` and `language` in the index's source metadata.
 */
export function buildIndex(sources: readonly SourceFile[], root: string, analyzer: Analyzer, options: BuildOptions = {}): BuiltIndex {
  const ingested: IngestResult[] = [];
  const english: SourceFile[] = [];
  for (const source of sources) {
    if (source.language === 'en') {
      english.push(source);
      continue;
    }
    const ingest = () => ingestTranscript(source.text, source.input, analyzer);
    const result = options.cache === undefined ? ingest() : options.cache.ingest(source.text, source.input, ingest);
    if (result.units.length === 0) throw new Error(`build-index: ${relative(root, source.path)} holds no answer (no \`<speaker>：\` paragraph found).`);
    ingested.push(withOrigin(result, source));
  }
  if (ingested.length === 0) throw new Error(`build-index: no Chinese transcript among the sources (${english.length} English edition(s) only).`);
  // English editions are no answers of their own: they translate their Chinese editions.
  const { results, editions, skipped } = translateEditions(ingested, english, root, analyzer);
  const index: IndexFile = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    generated: `Generated by \`${REBUILD_COMMAND}\` from index-data/sources; do not edit by hand, rebuild instead.`,
    sources: results.map((result) => result.source),
    units: results.flatMap((result) => result.units),
    unanswered: results.flatMap((result) => result.unanswered),
  };
  const grouped = groupLines(index);
  if (grouped.lines.length > 0) index.lines = grouped.lines;
  const cache = options.cache === undefined ? {} : { cache: { ...options.cache.finish(), dir: options.cache.dir } };
  return { index, results, skipped, editions, lines: grouped.figures, ...cache };
}

/** An imported source's address and language, added to its metadata (nothing for sources without them). */
function withOrigin(result: IngestResult, source: SourceFile): IngestResult {
  return Object.keys(source.origin).length === 0 ? result : { ...result, source: { ...result.source, ...source.origin } };
}
