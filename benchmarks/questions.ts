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

/** Fewest questions timed in one repeat: with 2,000, the p99 is the 20th slowest, not the 4th. */
export const MIN_TIMED_QUESTIONS = 2_000;
/** Fewest untimed questions before timing (the JIT compiles, the young generation grows to its steady size). */
export const MIN_WARM_UP_QUESTIONS = 1_000;

/**
 * Times `run(question)` over the questions in order, round after round, until at least
 * `minTimed` are timed, after at least `minWarmUp` untimed ones (whole rounds both): steady
 * state, as a bot answering for days sees it; cold start is measured on its own. Each question
 * gets its wall-clock time and the CPU time of the process (which leaves out the time other
 * processes of a shared machine take the core).
 */
export function timeSteadyState(
  questions: readonly string[],
  run: (question: string) => unknown,
  { minTimed = MIN_TIMED_QUESTIONS, minWarmUp = MIN_WARM_UP_QUESTIONS } = {},
): { wall: bigint[]; cpu: bigint[] } {
  if (questions.length === 0) throw new Error('bench: no questions to time');
  const rounds = (count: number) => Math.ceil(count / questions.length);
  for (let round = 0; round < rounds(minWarmUp); round++) for (const question of questions) run(question);
  const wall: bigint[] = [];
  const cpu: bigint[] = [];
  for (let round = 0; round < rounds(minTimed); round++) {
    for (const question of questions) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      run(question);
      wall.push(process.hrtime.bigint() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push(BigInt(used.user + used.system) * 1000n);
    }
  }
  return { wall, cpu };
}
