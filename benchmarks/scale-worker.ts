import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_PATH, readIndexFile } from '../src/index-file.js';
import type { IndexFile } from '../src/types.js';
import { benchmarkQuestions, percentiles, timeSteadyState } from './questions.js';

/**
 * One measurement of the benchmark, in its own process so that its peak memory is its own.
 * A corpus is a folder holding `index.json` (as build-index writes it) and `questions.json`:
 *
 * - `--make recombined|archive --paragraphs <n> --out <dir>` writes one (recombined: the bundled
 *   transcript's sentences recombined, corpus.ts; archive: archive-corpus.ts); `--make bundled`
 *   copies index-data/index.json (and its search file, if built);
 * - `--system build --dir <dir>`: what build-index does after ingest: the search index, with
 *   nodejieba, written beside index.json (index.search); buildMs and this process's peak;
 * - `--system pipeline --dir <dir>`: what the bot does: loadSearchIndex (the serving analyzer,
 *   the search file), then answerQuestion; loadMs, p50/p99 over ≥ 2,000 timed questions after
 *   warm-up, and this process's peak resident memory;
 * - `--system reference`: character-bigram BM25 over typed arrays (reference.ts), built and queried here;
 * - `--system baseline`: bare minisearch + nodejieba over question and text, built and queried here.
 *
 * Prints one JSON line (WorkerResult). Each system imports only its own modules, so that the
 * pipeline's process holds what the bot's holds.
 */

export type System = 'build' | 'pipeline' | 'reference' | 'baseline';
export type Corpus = 'bundled' | 'recombined' | 'archive';

export interface WorkerResult {
  system: System;
  corpus: Corpus;
  paragraphs: number;
  units: number;
  questions: number;
  timed: number;
  /** Building the searchable index from the index file (build, reference, baseline). */
  buildMs: number;
  /** Loading the index as the bot does (pipeline). */
  loadMs: number;
  /** Whether the pipeline read the search file (or built the index in memory). */
  searchFile?: boolean;
  peakRssMb: number;
  p50Us: number;
  p99Us: number;
  /** The same percentiles of the process's CPU time per question (what the machine's other processes do not change). */
  cpuP50Us: number;
  cpuP99Us: number;
}

async function makeCorpus(corpus: Corpus, paragraphs: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (corpus === 'bundled') {
    copyFileSync(DEFAULT_INDEX_PATH, join(dir, 'index.json'));
    const search = DEFAULT_INDEX_PATH.replace(/\.json$/u, '.search');
    if (existsSync(search)) copyFileSync(search, join(dir, 'index.search'));
    writeFileSync(join(dir, 'questions.json'), JSON.stringify({ corpus, questions: benchmarkQuestions() }));
    return;
  }
  const [{ serializeIndex }, { syntheticIndex }, { archiveIndex, archiveQuestions }] = await Promise.all([
    import('../src/cli/build-index.js'),
    import('./corpus.js'),
    import('./archive-corpus.js'),
  ]);
  const file = corpus === 'recombined' ? syntheticIndex(readIndexFile(), paragraphs) : archiveIndex({ paragraphs });
  const questions = corpus === 'recombined' ? benchmarkQuestions() : [...archiveQuestions(file, 200), ...benchmarkQuestions()];
  writeFileSync(join(dir, 'index.json'), serializeIndex(file));
  writeFileSync(join(dir, 'questions.json'), JSON.stringify({ corpus, questions }));
}

async function measure(system: System, dir: string): Promise<WorkerResult> {
  const indexPath = join(dir, 'index.json');
  const { corpus, questions } = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { corpus: Corpus; questions: string[] };
  let buildMs = 0;
  let loadMs = 0;
  let searchFile: boolean | undefined;
  let file: IndexFile;
  let run: ((question: string) => unknown) | undefined;
  if (system === 'build') {
    const [{ createDefaultAnalyzer }, { writeSearchFile }, { createSearchIndex }] = await Promise.all([
      import('../src/text/index.js'),
      import('../src/search/search-file.js'),
      import('../src/search/search-index.js'),
    ]);
    const analyzer = createDefaultAnalyzer();
    analyzer.tokenize('预热'); // jieba loads before the clock starts
    file = readIndexFile(indexPath);
    const text = readFileSync(indexPath, 'utf8');
    const start = performance.now();
    writeSearchFile(indexPath, text, createSearchIndex(file, analyzer));
    buildMs = performance.now() - start;
  } else if (system === 'pipeline') {
    const [{ loadSearchIndex }, { answerQuestion }] = await Promise.all([import('../src/search/load-index.js'), import('../src/search/answer.js')]);
    const start = performance.now();
    const loaded = loadSearchIndex(indexPath);
    loadMs = performance.now() - start;
    file = loaded.file;
    searchFile = loaded.searchFile.read;
    run = (question) => answerQuestion(loaded.index, question);
  } else if (system === 'reference') {
    const { createBigramReference } = await import('./reference.js');
    file = readIndexFile(indexPath);
    const start = performance.now();
    const reference = createBigramReference(file);
    buildMs = performance.now() - start;
    run = (question) => reference.search(question);
  } else {
    const [{ default: MiniSearch }, { default: nodejieba }] = await Promise.all([import('minisearch'), import('nodejieba')]);
    file = readIndexFile(indexPath);
    nodejieba.cutForSearch('预热');
    const start = performance.now();
    const minisearch = new MiniSearch<{ id: string; question: string; text: string }>({ fields: ['question', 'text'], tokenize: (text) => nodejieba.cutForSearch(text) });
    minisearch.addAll(file.units.map((unit) => ({ id: unit.id, question: unit.question ?? '', text: unit.paragraphs.join('\n') })));
    buildMs = performance.now() - start;
    run = (question) => minisearch.search(question)[0];
  }
  const timings = run ? timeSteadyState(questions, run) : { wall: [], cpu: [] };
  const cpu = percentiles(timings.cpu);
  return {
    system,
    corpus,
    paragraphs: file.units.reduce((n, unit) => n + unit.paragraphs.length, 0),
    units: file.units.length,
    questions: questions.length,
    timed: timings.wall.length,
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    ...(searchFile === undefined ? {} : { searchFile }),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...percentiles(timings.wall),
    cpuP50Us: cpu.p50Us,
    cpuP99Us: cpu.p99Us,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { system: { type: 'string' }, dir: { type: 'string' }, make: { type: 'string' }, paragraphs: { type: 'string', default: '0' }, out: { type: 'string' } },
  });
  if (values.make !== undefined) {
    if (!['bundled', 'recombined', 'archive'].includes(values.make) || values.out === undefined) throw new Error('bench: --make bundled|recombined|archive --paragraphs <n> --out <dir>');
    await makeCorpus(values.make as Corpus, Number(values.paragraphs), values.out);
    return;
  }
  const system = values.system as System;
  if (!['build', 'pipeline', 'reference', 'baseline'].includes(system) || values.dir === undefined) {
    throw new Error('bench: usage: scale-worker.ts --system build|pipeline|reference|baseline --dir <corpus folder>');
  }
  process.stdout.write(`${JSON.stringify(await measure(system, values.dir))}\n`);
}

await main();
