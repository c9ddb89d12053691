import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { groupLines } from '../src/archive/group-lines.js';
import { openIngestCache } from '../src/archive/ingest-cache.js';
import { serializeIndex } from '../src/cli/build-index.js';
import { PROJECT_ROOT } from '../src/index-file.js';
import { buildIndex, readSources } from '../src/ingest/sources.js';
import { createDefaultAnalyzer } from '../src/text/index.js';
import { loadSearchIndex } from '../src/search/load-index.js';
import type { IndexFile } from '../src/types.js';
import { writeArchiveTranscripts, writeNextBriefing, type PlantedLine } from './archive-transcripts.js';

/**
 * `npm run bench:archive -- [--briefings 3000] [--lines 400] [--json] [--keep]`
 *
 * The archive at scale: writes an archive-shaped corpus of transcripts (archive-transcripts.ts:
 * the archive corpus of archive-corpus.ts over 20 years, with planted recurring lines), then
 * times, in this process with one analyzer:
 * - the full build with an empty ingest cache (read, ingest every transcript, group lines);
 * - a rebuild after adding one transcript (the cache reuses every other one), and a rebuild
 *   with nothing changed;
 * - grouping the lines alone (MinHash/LSH over every answer and paragraph);
 * and `npm run build-index` itself after adding another transcript (a new process: start-up,
 * analyzer, cache, grouping, writing the index), as an operator runs it, then loading that index
 * as the bot's reload does (SIGHUP, /reload). It reports how well the
 * planted lines were found: the share of their occurrences that the index puts in their line.
 */

const { values } = parseArgs({
  options: {
    briefings: { type: 'string', default: '3000' },
    lines: { type: 'string', default: '400' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const log = (text: string) => {
  if (!values.json) process.stdout.write(`${text}\n`);
};
const seconds = (ms: number) => Math.round(ms / 10) / 100;
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/**
 * Share of the planted occurrences found together: for each planted line, the index line found
 * in most of its briefings, and in how many. By briefing, not by unit: ingest may place a
 * restated paragraph in another answer of the same briefing than the one it was written into.
 */
function recall(index: IndexFile, planted: readonly PlantedLine[]): { found: number; planted: number; linesWhole: number; otherLines: number } {
  const linesBySource = new Map<string, Set<string>>();
  for (const line of index.lines ?? []) {
    for (const occurrence of line.occurrences) linesBySource.set(occurrence.source, (linesBySource.get(occurrence.source) ?? new Set()).add(line.id));
  }
  let found = 0;
  let total = 0;
  let whole = 0;
  const matched = new Set<string>();
  for (const line of planted) {
    const sources = line.units.map((unit) => unit.slice(0, unit.lastIndexOf('#')));
    const counts = new Map<string, number>();
    for (const source of sources) for (const id of linesBySource.get(source) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [bestId, best] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (bestId !== '') matched.add(bestId);
    found += best;
    total += sources.length;
    if (best === sources.length) whole++;
  }
  return { found, planted: total, linesWhole: whole, otherLines: (index.lines ?? []).filter((line) => !matched.has(line.id)).length };
}

/** A copy of the code and data build-index runs on (src, index-data/search, package.json, tsconfig.json; node_modules linked). */
function snapshotProject(dir: string): string {
  for (const path of ['src', 'index-data/search', 'package.json', 'tsconfig.json']) cpSync(join(PROJECT_ROOT, path), join(dir, path), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const root = mkdtempSync(join(tmpdir(), 'koujing-bench-archive-'));
const sourcesDir = join(root, 'sources');
const out = join(root, 'index.json');
const cacheDir = join(root, '.cache');
try {
  log(`archive benchmark: ${values.briefings} briefings, ${values.lines} planted lines, in ${root} (${cpus().length} cores)`);
  const corpus = timed(() => writeArchiveTranscripts(sourcesDir, { briefings: Number(values.briefings), lines: Number(values.lines) }));
  const archive = corpus.value;
  log(`  corpus: ${archive.briefings} briefings ${archive.firstDate} – ${archive.lastDate}, ${archive.units} answers, ${archive.paragraphs} paragraphs, ${archive.planted.length} planted lines (${seconds(corpus.ms)} s to write)`);
  const analyzer = timed(() => createDefaultAnalyzer());

  const build = () => buildIndex(readSources(sourcesDir), sourcesDir, analyzer.value, { cache: openIngestCache(cacheDir, analyzer.value.files) });
  const full = timed(build);
  const written = timed(() => writeFileSync(out, serializeIndex(full.value.index)));
  log(`  full build (empty cache): ${seconds(full.ms)} s; writing the index ${seconds(written.ms)} s (${Math.round(statSync(out).size / 1e6)} MB)`);

  const grouping = timed(() => groupLines(full.value.index));
  const figures = grouping.value.figures;
  const found = recall(full.value.index, archive.planted);
  log(`  grouping alone: ${seconds(grouping.ms)} s: ${figures.texts} texts, ${figures.compared} candidate pairs compared, ${figures.lines} lines, ${figures.occurrences} occurrences, ${figures.changes} wording changes`);
  log(`  planted lines: ${found.found}/${found.planted} occurrences found in their line (${Math.round((found.found / found.planted) * 1000) / 10}%), ${found.linesWhole}/${archive.planted.length} lines found whole; ${found.otherLines} other lines found (the generator's own sentence templates repeat too)`);

  writeNextBriefing(sourcesDir, archive.lastDate);
  const added = timed(build);
  log(`  rebuild after adding one transcript: ${seconds(added.ms)} s (cache: reused ${added.value.cache?.reused}, ingested ${added.value.cache?.ingested})`);
  const unchanged = timed(build);
  log(`  rebuild with nothing changed: ${seconds(unchanged.ms)} s (cache: reused ${unchanged.value.cache?.reused}, ingested ${unchanged.value.cache?.ingested})`);

  // The CLI runs from a snapshot of the code: the cache key holds the ingest and text code, so an edit in the work
  // tree while the benchmark runs would make the timed run ingest everything. Run once untimed to fill the cache.
  const app = snapshotProject(join(root, 'app'));
  const runCli = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build-index.ts', '--source', sourcesDir, '--out', out], { cwd: app, encoding: 'utf8', maxBuffer: 1 << 30 });
  runCli();
  writeNextBriefing(sourcesDir, added.value.index.sources.at(-1)!.date!);
  const cli = timed(runCli);
  if (cli.value.status !== 0) throw new Error(`bench: build-index failed: ${cli.value.stderr}`);
  const cacheLine = /cache: .*/u.exec(cli.value.stdout)?.[0] ?? '';
  log(`  npm run build-index after adding one more (new process, end to end): ${seconds(cli.ms)} s (${cacheLine.replace(/ \(.*\)$/u, '')})`);
  // What SIGHUP or /reload costs the running bot: loading the rebuilt index as start-up does (the event loop waits meanwhile).
  const reload = timed(() => loadSearchIndex(out));
  log(`  loading the rebuilt index as the bot's reload does: ${seconds(reload.ms)} s (${reload.value.file.units.length} answers, ${reload.value.file.lines?.length ?? 0} lines)`);

  const result = {
    machine: { cores: cpus().length, node: process.version },
    corpus: { briefings: archive.briefings, first: archive.firstDate, last: archive.lastDate, answers: archive.units, paragraphs: archive.paragraphs, plantedLines: archive.planted.length },
    analyzerMs: Math.round(analyzer.ms),
    fullBuildMs: Math.round(full.ms),
    writeIndexMs: Math.round(written.ms),
    indexMb: Math.round(statSync(out).size / 1e5) / 10,
    groupingMs: Math.round(grouping.ms),
    lines: figures,
    plantedFound: found,
    addOneMs: Math.round(added.ms),
    addOneCache: added.value.cache,
    unchangedMs: Math.round(unchanged.ms),
    cliAddOneMs: Math.round(cli.ms),
    reloadMs: Math.round(reload.ms),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
