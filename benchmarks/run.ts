import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { PROJECT_ROOT, readIndexFile } from '../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../src/search/index.js';
import { benchmarkQuestions, percentiles, timeQueries } from './questions.js';
import { createDefaultAnalyzer } from '../src/text/index.js';

/**
 * `npm run bench -- [--json] [--scales 1000,10000,100000] [--rounds 50]`
 *
 * On the bundled index: median and p99 latency of answerQuestion over every question of the
 * fixtures after 30 untimed rounds (steady state), next to a bare minisearch + nodejieba
 * search over the same units in the same run (the baseline); cold start (spawn of `tsx src/cli/ask.ts` to its first output) and resident
 * memory. Then each synthetic scale in its own child process (benchmarks/scale-worker.ts):
 * build time, peak memory, p50 and p99. With --json: one JSON object of that shape.
 */

const TSX = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');

/** Untimed rounds over the questions before timing (steady state, not warm-up, is measured). */
const WARM_UP_ROUNDS = 30;

interface ScaleResult {
  paragraphs: number;
  buildMs: number;
  peakRssMb: number;
  p50Us: number;
  p99Us: number;
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scales: { type: 'string', default: '1000,10000,100000' },
    rounds: { type: 'string', default: '50' },
  },
});

function log(text: string): void {
  if (!values.json) process.stdout.write(`${text}\n`);
}

/** Time from spawning the ask CLI to the first byte of its answer, median of a few runs. */
async function coldStartMs(runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      await new Promise<number>((done, fail) => {
        const start = performance.now();
        const child = spawn(TSX, ['src/cli/ask.ts', '--json', '中美关系'], { cwd: PROJECT_ROOT });
        let first = 0;
        child.stdout.once('data', () => {
          first = performance.now() - start;
        });
        child.on('error', fail);
        child.on('close', (code) => (code === 0 && first > 0 ? done(first) : fail(new Error(`bench: ask exited with ${code}`))));
      }),
    );
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}

function baselineSearch(file: ReturnType<typeof readIndexFile>) {
  const minisearch = new MiniSearch<{ id: string; question: string; text: string }>({
    fields: ['question', 'text'],
    tokenize: (text) => nodejieba.cutForSearch(text),
  });
  minisearch.addAll(file.units.map((unit) => ({ id: unit.id, question: unit.question ?? '', text: unit.paragraphs.join('\n') })));
  return (question: string) => minisearch.search(question)[0];
}

async function main(): Promise<void> {
  const rounds = Number(values.rounds);
  const file = readIndexFile();
  const index = createSearchIndex(file, createDefaultAnalyzer());
  const baseline = baselineSearch(file);
  const questions = benchmarkQuestions();
  log(`bundled index: ${file.units.length} units, ${file.units.reduce((n, unit) => n + unit.paragraphs.length, 0)} paragraphs; ${questions.length} questions × ${rounds} rounds after ${WARM_UP_ROUNDS} untimed`);
  // Interleaved blocks, so that neither side profits from a quieter moment of the machine.
  const blocks = 5;
  timeQueries(questions, 0, (question) => answerQuestion(index, question), WARM_UP_ROUNDS);
  timeQueries(questions, 0, baseline, WARM_UP_ROUNDS);
  const ours: bigint[] = [];
  const theirs: bigint[] = [];
  for (let block = 0; block < blocks; block++) {
    ours.push(...timeQueries(questions, Math.ceil(rounds / blocks), (question) => answerQuestion(index, question), 0));
    theirs.push(...timeQueries(questions, Math.ceil(rounds / blocks), baseline, 0));
  }
  const mine = percentiles(ours);
  const base = percentiles(theirs);
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const coldStart = await coldStartMs(3);
  const bundled = { p50Us: mine.p50Us, p99Us: mine.p99Us, baselineP50Us: base.p50Us, baselineP99Us: base.p99Us, coldStartMs: coldStart, rssMb };
  log(`  answerQuestion  p50 ${bundled.p50Us} µs  p99 ${bundled.p99Us} µs`);
  log(`  baseline        p50 ${bundled.baselineP50Us} µs  p99 ${bundled.baselineP99Us} µs  (bare minisearch + nodejieba over question and text)`);
  log(`  cold start ${bundled.coldStartMs} ms (spawn of tsx src/cli/ask.ts to its answer), RSS ${bundled.rssMb} MB`);
  const scale: ScaleResult[] = [];
  for (const paragraphs of values.scales.split(',').map(Number).filter((n) => n > 0)) {
    const child = spawnSync(TSX, ['benchmarks/scale-worker.ts', String(paragraphs)], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench: scale ${paragraphs} failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim()) as ScaleResult & { units: number };
    scale.push({ paragraphs: result.paragraphs, buildMs: result.buildMs, peakRssMb: result.peakRssMb, p50Us: result.p50Us, p99Us: result.p99Us });
    log(`  ${String(paragraphs).padStart(6)} paragraphs (${result.units} units): build ${result.buildMs} ms, peak RSS ${result.peakRssMb} MB, p50 ${result.p50Us} µs, p99 ${result.p99Us} µs`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ bundled, scale })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
