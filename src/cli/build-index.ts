/**
 * `npm run build-index -- [--source <file|folder>] [--out <file>] [--no-cache]`
 * Ingests transcripts (default index-data/sources) into the index (default index-data/index.json)
 * and prints the report: counts, then every merge, drop, conflict and pairing decided. What each
 * transcript gave is cached in `.cache/` beside the index (src/archive/ingest-cache.ts): a
 * rebuild ingests only the transcripts that changed (`--no-cache`: all of them, nothing kept).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_PATH, DEFAULT_SOURCES_PATH, PROJECT_ROOT } from '../index-file.js';
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
    const { values } = parseArgs({ args: argv, options: { source: { type: 'string' }, out: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } } });
    const source = resolve(values.source ?? DEFAULT_SOURCES_PATH);
    const out = resolve(values.out ?? DEFAULT_INDEX_PATH);
    const analyzer = createDefaultAnalyzer();
    const cache = values['no-cache'] ? {} : { cache: openIngestCache(cacheDirOf(out), analyzer.files) };
    const built = buildIndex(readSources(source), PROJECT_ROOT, analyzer, cache);
    const { index, results } = built;
    writeFileSync(out, serializeIndex(index));
    console.log(formatReport(results));
    if (formatArchiveReport(built) !== '') console.log(formatArchiveReport(built));
    console.log(`\nWrote ${index.units.length} units and ${index.unanswered.length} unanswered question(s) from ${index.sources.length} source(s) to ${out}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
