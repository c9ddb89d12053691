import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { z } from 'zod';
import type { Analyzer } from '../text/index.js';
import type { IndexFile, SourceMeta } from '../types.js';
import { INDEX_SCHEMA_VERSION } from '../index-file.js';
import type { SourceInput, IngestResult } from './pipeline.js';
import { ingestTranscript } from './pipeline.js';
import { groupLines, type LineFigures } from '../archive/group-lines.js';

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
  /** How the lines said more than once were grouped (src/archive/group-lines.ts). */
  lines: LineFigures;
}

/** Why an English edition is not ingested as answers. */
export const ENGLISH_EDITION_SKIPPED = 'an English edition (language "en"): not read as Chinese answers';

/**
 * Ingests every Chinese source and puts the results in one index file; an English edition
 * (metadata `language: "en"`) is skipped with its reason. Then groups the lines said more than
 * once (`lines` of the index, absent when none). Fails when a source yields no answer.
 * Imported sources keep their `url` and `language` in the index's source metadata.
 */
export function buildIndex(sources: readonly SourceFile[], root: string, analyzer: Analyzer): BuiltIndex {
  const skipped: SkippedSource[] = [];
  const results: IngestResult[] = [];
  for (const source of sources) {
    if (source.language === 'en') {
      skipped.push({ file: relative(root, source.path), reason: ENGLISH_EDITION_SKIPPED });
      continue;
    }
    const result = ingestTranscript(source.text, source.input, analyzer);
    if (result.units.length === 0) throw new Error(`build-index: ${relative(root, source.path)} holds no answer (no \`<speaker>：\` paragraph found).`);
    results.push(withOrigin(result, source));
  }
  if (results.length === 0) throw new Error(`build-index: no Chinese transcript among the sources (${skipped.length} English edition(s) only).`);
  const index: IndexFile = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    generated: `Generated by \`${REBUILD_COMMAND}\` from index-data/sources; do not edit by hand, rebuild instead.`,
    sources: results.map((result) => result.source),
    units: results.flatMap((result) => result.units),
    unanswered: results.flatMap((result) => result.unanswered),
  };
  const grouped = groupLines(index);
  if (grouped.lines.length > 0) index.lines = grouped.lines;
  return { index, results, skipped, lines: grouped.figures };
}

/** An imported source's address and language, added to its metadata (nothing for sources without them). */
function withOrigin(result: IngestResult, source: SourceFile): IngestResult {
  return Object.keys(source.origin).length === 0 ? result : { ...result, source: { ...result.source, ...source.origin } };
}
