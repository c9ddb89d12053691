import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/index-file.js';

/** The benchmark's questions: every question of the dev, extra and held-out sets (fixtures). */
export function benchmarkQuestions(): string[] {
  return ['dev-questions.tsv', 'extra-questions.tsv', 'holdout-questions.tsv'].flatMap((name) =>
    readFileSync(resolve(PROJECT_ROOT, 'test/fixtures', name), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split('\t')[1] ?? '')
      .filter((question) => question.trim().length > 0),
  );
}

/** Median and 99th percentile, in microseconds, of timings in nanoseconds. */
export function percentiles(nanoseconds: readonly bigint[]): { p50Us: number; p99Us: number } {
  const sorted = [...nanoseconds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = (q: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0n) / 1000;
  return { p50Us: Math.round(at(0.5)), p99Us: Math.round(at(0.99)) };
}

/**
 * Times `run(question)` for each question, `rounds` times, after `warmUpRounds` untimed rounds
 * (the JIT compiles and the young generation grows to its steady size during the first few
 * thousand calls; a bot answers for days, and cold start is measured on its own).
 */
export function timeQueries(
  questions: readonly string[],
  rounds: number,
  run: (question: string) => unknown,
  warmUpRounds = 1,
): bigint[] {
  for (let round = 0; round < warmUpRounds; round++) for (const question of questions) run(question);
  const timings: bigint[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const start = process.hrtime.bigint();
      run(question);
      timings.push(process.hrtime.bigint() - start);
    }
  }
  return timings;
}
