import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PROJECT_ROOT } from '../src/index-file.js';
import { createEnglishDictionary } from '../src/text/english-dictionary.js';
import { createHomophoneIndex } from '../src/text/homophones.js';

/**
 * `npx tsx benchmarks/text-dictionaries.ts [--json] [--sizes 20000,100000]`
 *
 * Build time and memory of the two fallback dictionaries of src/text (homophones.ts,
 * english-dictionary.ts), each kind and size in its own process so that its memory is its
 * own. The vocabulary is jieba's dictionary: its Chinese words of 2+ characters, most frequent
 * first (a corpus's vocabulary is a subset of such words).
 *
 * For each: the first build in the process (which also loads pinyin-pro's data, or reads
 * CC-CEDICT) and the median of three later builds, in wall-clock and CPU milliseconds (CPU
 * time is steadier on a shared machine); the heap the result holds; the RSS before the build
 * and what it added once garbage was collected (V8 keeps the pages it grew, mostly its young
 * generation, so this is more than the heap held); the process's peak RSS; the mean time of
 * a lookup.
 */

const TSX = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');
const SELF = fileURLToPath(import.meta.url);

type Kind = 'homophones' | 'english';

interface Result {
  kind: Kind;
  words: number;
  indexed: number;
  firstBuildMs: number;
  firstBuildCpuMs: number;
  buildMs: number;
  buildCpuMs: number;
  heapHeldMb: number;
  rssBeforeMb: number;
  rssAddedMb: number;
  peakRssMb: number;
  lookupUs: number;
}

/** jieba's words of 2+ Chinese characters, most frequent first. */
function jiebaVocabulary(size: number): string[] {
  const jiebaDir = dirname(createRequire(import.meta.url).resolve('nodejieba'));
  const lines = readFileSync(resolve(jiebaDir, 'submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8').split('\n');
  return lines
    .map((line) => line.split(' '))
    .filter(([word]) => /^[\u3400-\u9fff]{2,}$/u.test(word ?? ''))
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .slice(0, size)
    .map(([word]) => word ?? '');
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

function timed<T>(build: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = build();
  const ms = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: Math.round((used.user + used.system) / 1000) };
}

function measure<T extends { size: number }>(kind: Kind, vocabulary: string[], build: () => T, lookUp: (value: T) => number): Result {
  collectGarbage();
  const before = process.memoryUsage();
  const first = timed(build);
  collectGarbage();
  const heapHeldMb = mb(process.memoryUsage().heapUsed - before.heapUsed);
  const rssAddedMb = mb(process.memoryUsage().rss - before.rss);
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
  const later = [0, 1, 2].map(() => timed(build));
  return {
    kind,
    words: vocabulary.length,
    indexed: first.value.size,
    firstBuildMs: first.ms,
    firstBuildCpuMs: first.cpuMs,
    buildMs: median(later.map((run) => run.ms)),
    buildCpuMs: median(later.map((run) => run.cpuMs)),
    heapHeldMb,
    rssBeforeMb: mb(before.rss),
    rssAddedMb,
    peakRssMb,
    lookupUs: lookUp(first.value),
  };
}

/** Mean microseconds of `lookUp` over the items. */
function meanUs<T>(items: readonly T[], lookUp: (item: T) => unknown): number {
  const start = performance.now();
  for (const item of items) lookUp(item);
  return Math.round(((performance.now() - start) / items.length) * 1000);
}

function worker(kind: Kind, vocabularyPath: string): Result {
  // Written by the parent: reading jieba's whole dictionary here would set the peak RSS.
  const vocabulary = readFileSync(vocabularyPath, 'utf8').split('\n').filter(Boolean);
  if (kind === 'homophones') {
    // 2000 vocabulary words across the frequency range, each looked up for its homophones.
    const sample = vocabulary.filter((_, i) => i % Math.max(1, Math.floor(vocabulary.length / 2000)) === 0);
    return measure(kind, vocabulary, () => createHomophoneIndex(vocabulary), (index) => meanUs(sample, (word) => index.lookup(word)));
  }
  const phrases = ['sanctions', 'tariff', 'sovereignty', 'supply chain', 'aid', 'the', 'position', 'interfere', 'internal affairs', 'pandemic'];
  const rounds = Array.from({ length: 100 }, () => phrases).flat();
  return measure(kind, vocabulary, () => createEnglishDictionary(vocabulary), (dictionary) => meanUs(rounds, (phrase) => dictionary.lookup(phrase)));
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '20000,100000' },
    worker: { type: 'string' },
    vocabulary: { type: 'string' },
  },
});

if (values.worker === 'homophones' || values.worker === 'english') {
  process.stdout.write(`${JSON.stringify(worker(values.worker, values.vocabulary ?? ''))}\n`);
} else {
  const results: Result[] = [];
  const sizes = values.sizes.split(',').map(Number);
  const folder = mkdtempSync(join(tmpdir(), 'koujing-bench-'));
  try {
    for (const size of sizes) {
      const vocabularyPath = join(folder, `vocabulary-${size}.txt`);
      writeFileSync(vocabularyPath, jiebaVocabulary(size).join('\n'));
      for (const kind of ['homophones', 'english'] as const) {
        const child = spawnSync(TSX, [SELF, '--worker', kind, '--vocabulary', vocabularyPath], { cwd: PROJECT_ROOT, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`bench: ${kind} ${size} failed: ${child.stderr}`);
        const result = JSON.parse(child.stdout.trim()) as Result;
        results.push(result);
        if (!values.json) {
          process.stdout.write(
            `${kind.padEnd(10)} ${String(result.words).padStart(6)} words (${result.indexed} kept): ` +
              `build ${result.firstBuildMs} ms (${result.firstBuildCpuMs} ms CPU) first, ${result.buildMs} ms (${result.buildCpuMs} ms CPU) after; ` +
              `heap held ${result.heapHeldMb} MB; RSS ${result.rssBeforeMb} MB + ${result.rssAddedMb} MB after GC, peak ${result.peakRssMb} MB; ` +
              `lookup ${result.lookupUs} µs\n`,
          );
        }
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
}
