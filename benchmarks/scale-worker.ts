import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { readIndexFile } from '../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../src/search/index.js';
import { createDefaultAnalyzer } from '../src/text/index.js';
import type { IndexFile } from '../src/types.js';
import { archiveIndex, archiveQuestions } from './archive-corpus.js';
import { syntheticIndex } from './corpus.js';
import { benchmarkQuestions, percentiles, timeSteadyState } from './questions.js';
import { createBigramReference } from './reference.js';

/**
 * One measurement of the benchmark, in its own process so that its peak memory is its own:
 * `node --import tsx benchmarks/scale-worker.ts --system <s> --corpus-file <file>` prints one
 * JSON line `{ system, corpus, paragraphs, units, questions, timed, buildMs, peakRssMb, p50Us, p99Us }`.
 * `--make <corpus> --paragraphs <n> --out <file>` writes a corpus file first (so that making
 * the corpus is in nobody's memory figure); `--corpus-file bundled` is the bundled index.
 *
 * - system `pipeline`: the product's search (createSearchIndex, answerQuestion);
 *   `reference`: character-bigram BM25 over typed arrays (reference.ts);
 *   `baseline`: bare minisearch + nodejieba over question and text.
 * - corpus `bundled` (index-data/index.json), `recombined` (corpus.ts: the bundled transcript's
 *   sentences recombined) or `archive` (archive-corpus.ts).
 *
 * buildMs is the time to build the searchable index from the index file (jieba is loaded
 * before the clock starts); p50/p99 are over at least 2,000 timed questions after warm-up.
 */

export type System = 'pipeline' | 'reference' | 'baseline';
export type Corpus = 'bundled' | 'recombined' | 'archive';

export interface WorkerResult {
  system: System;
  corpus: Corpus;
  paragraphs: number;
  units: number;
  questions: number;
  timed: number;
  buildMs: number;
  peakRssMb: number;
  p50Us: number;
  p99Us: number;
}

/** A corpus file: the index file and the questions asked of it (the same for every system). */
interface CorpusFile {
  corpus: Corpus;
  file: IndexFile;
  questions: string[];
}

function makeCorpus(corpus: Corpus, paragraphs: number): CorpusFile {
  const bundled = readIndexFile();
  if (corpus === 'bundled') return { corpus, file: bundled, questions: benchmarkQuestions() };
  if (corpus === 'recombined') return { corpus, file: syntheticIndex(bundled, paragraphs), questions: benchmarkQuestions() };
  const file = archiveIndex({ paragraphs });
  return { corpus, file, questions: [...archiveQuestions(file, 200), ...benchmarkQuestions()] };
}

/** A searchable index of the file for the system, and how long building it took. */
function build(system: System, file: IndexFile): { buildMs: number; run: (question: string) => unknown } {
  if (system === 'reference') {
    const start = performance.now();
    const reference = createBigramReference(file);
    return { buildMs: performance.now() - start, run: (question) => reference.search(question) };
  }
  if (system === 'baseline') {
    nodejieba.cutForSearch('预热');
    const start = performance.now();
    const minisearch = new MiniSearch<{ id: string; question: string; text: string }>({
      fields: ['question', 'text'],
      tokenize: (text) => nodejieba.cutForSearch(text),
    });
    minisearch.addAll(file.units.map((unit) => ({ id: unit.id, question: unit.question ?? '', text: unit.paragraphs.join('\n') })));
    return { buildMs: performance.now() - start, run: (question) => minisearch.search(question)[0] };
  }
  const analyzer = createDefaultAnalyzer();
  analyzer.tokenize('预热');
  const start = performance.now();
  const index = createSearchIndex(file, analyzer);
  return { buildMs: performance.now() - start, run: (question) => answerQuestion(index, question) };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      system: { type: 'string' },
      'corpus-file': { type: 'string' },
      make: { type: 'string' },
      paragraphs: { type: 'string', default: '0' },
      out: { type: 'string' },
    },
  });
  if (values.make !== undefined) {
    if (!['bundled', 'recombined', 'archive'].includes(values.make) || values.out === undefined) throw new Error('bench: --make bundled|recombined|archive --paragraphs <n> --out <file>');
    writeFileSync(values.out, JSON.stringify(makeCorpus(values.make as Corpus, Number(values.paragraphs))));
    return;
  }
  const system = values.system as System;
  if (!['pipeline', 'reference', 'baseline'].includes(system) || values['corpus-file'] === undefined) {
    throw new Error('bench: usage: scale-worker.ts --system pipeline|reference|baseline --corpus-file <file>|bundled');
  }
  const { corpus, file, questions } =
    values['corpus-file'] === 'bundled' ? makeCorpus('bundled', 0) : (JSON.parse(readFileSync(values['corpus-file'], 'utf8')) as CorpusFile);
  const { buildMs, run } = build(system, file);
  const timings = timeSteadyState(questions, run);
  const result: WorkerResult = {
    system,
    corpus,
    paragraphs: file.units.reduce((n, unit) => n + unit.paragraphs.length, 0),
    units: file.units.length,
    questions: questions.length,
    timed: timings.length,
    buildMs: Math.round(buildMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...percentiles(timings),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
