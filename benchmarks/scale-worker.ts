import { readIndexFile } from '../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../src/search/index.js';
import { syntheticIndex } from './corpus.js';
import { benchmarkQuestions, percentiles, timeQueries } from './questions.js';
import { createDefaultAnalyzer } from '../src/text/index.js';

/**
 * One scale of the benchmark, in its own process so that its peak memory is its own:
 * `tsx benchmarks/scale-worker.ts <paragraphs>` prints one JSON line
 * `{ paragraphs, units, buildMs, peakRssMb, p50Us, p99Us }`.
 */
const paragraphs = Number(process.argv[2]);
if (!Number.isInteger(paragraphs) || paragraphs <= 0) {
  process.stderr.write('bench: usage: tsx benchmarks/scale-worker.ts <paragraphs>\n');
  process.exit(2);
}
const file = syntheticIndex(readIndexFile(), paragraphs);
createSearchIndex(readIndexFile(), createDefaultAnalyzer()); // loads jieba and the lexicon, so build time is the index's own
const start = performance.now();
const index = createSearchIndex(file, createDefaultAnalyzer());
const buildMs = Math.round(performance.now() - start);
const questions = benchmarkQuestions();
const rounds = paragraphs >= 100_000 ? 3 : paragraphs >= 10_000 ? 10 : 30;
const timings = timeQueries(questions, rounds, (question) => answerQuestion(index, question), rounds);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ paragraphs, units: file.units.length, buildMs, peakRssMb, ...percentiles(timings) })}\n`,
);
