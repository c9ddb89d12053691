/**
 * `npm run build-index -- [--source <file|folder>] [--out <file>] [--no-cache]`
 * Ingests transcripts (default index-data/sources) into the index (default index-data/index.json)
 * and prints the report: counts, then every merge, drop, conflict and pairing decided. What each
 * transcript gave is cached in `.cache/` beside the index (src/archive/ingest-cache.ts): a
 * rebuild ingests only the transcripts that changed (`--no-cache`: all of them, nothing kept).
 * Beside the index it writes its search index (`index.search`, src/search/search-file.ts), which
 * the bot loads instead of cutting every paragraph again; `--search-file <index.json>` writes
 * only that, for an index built already.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_PATH, DEFAULT_SOURCES_PATH, PROJECT_ROOT, parseIndexFile, readIndexText } from '../index-file.js';
import { writeSearchFile } from '../search/search-file.js';
import { createSearchIndex } from '../search/search-index.js';
import { buildIndex, readSources } from '../ingest/sources.js';
import { createDefaultAnalyzer } from '../text/index.js';
import type { IngestResult } from '../ingest/pipeline.js';
import { formatArchiveReport } from '../archive/build-report.js';
import { cacheDirOf, openIngestCache } from '../archive/ingest-cache.js';

/** Serialises an index exactly as it is committed (stable key order, trailing newline). */
export function serializeIndex(index: unknown): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

/** The report for people: per source, counts by decision, then each decision with its lines. */
export function formatReport(results: readonly IngestResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`# ${result.source.file}: ${result.units.length} answer units, ${result.unanswered.length} unanswered question(s)`);
    const counts = new Map<string, number>();
    for (const entry of result.report) counts.set(entry.action, (counts.get(entry.action) ?? 0) + 1);
    lines.push(`  decisions: ${[...counts].map(([action, count]) => `${action} ${count}`).join(', ')}`);
    for (const entry of result.report) lines.push(`  [${entry.stage}] ${entry.action} (line ${entry.lines.join(', ')}): ${entry.detail}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  try {
    const { values } = parseArgs({ args: argv, options: { source: { type: 'string' }, out: { type: 'string' }, 'no-cache': { type: 'boolean', default: false }, 'search-file': { type: 'string' } } });
    const analyzer = createDefaultAnalyzer();
    if (values['search-file'] !== undefined) {
      // An index built already (by an earlier version, or generated): only its search file.
      const path = resolve(values['search-file']);
      const text = readIndexText(path);
      console.log(`Wrote ${writeSearchFile(path, text, createSearchIndex(parseIndexFile(text, path), analyzer))}`);
      return 0;
    }
    const source = resolve(values.source ?? DEFAULT_SOURCES_PATH);
    const out = resolve(values.out ?? DEFAULT_INDEX_PATH);
    const cache = values['no-cache'] ? {} : { cache: openIngestCache(cacheDirOf(out), analyzer.files) };
    const built = buildIndex(readSources(source), PROJECT_ROOT, analyzer, cache);
    const { index, results } = built;
    const text = serializeIndex(index);
    writeFileSync(out, text);
    // The search index beside it, so that the bot loads it instead of cutting every paragraph again.
    const searchPath = writeSearchFile(out, text, createSearchIndex(index, analyzer));
    console.log(formatReport(results));
    if (formatArchiveReport(built) !== '') console.log(formatArchiveReport(built));
    console.log(`\nWrote ${index.units.length} units and ${index.unanswered.length} unanswered question(s) from ${index.sources.length} source(s) to ${out}, and its search index to ${searchPath}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
