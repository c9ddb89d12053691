import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../index-file.js';
import { createAnalyzer, createCompactAnalyzer, type Analyzer, type AnalyzerFiles } from './analyzer.js';

const DATA = resolve(PROJECT_ROOT, 'index-data/search');

/** The project's analyzer data files (index-data/search/), with jieba's own dictionaries. */
export const DEFAULT_ANALYZER_FILES: Readonly<AnalyzerFiles> = Object.freeze({
  userDictPath: resolve(DATA, 'user-dict.txt'),
  stopWordsPath: resolve(DATA, 'stop-words.txt'),
  englishStopWordsPath: resolve(DATA, 'stop-words-en.txt'),
  synonymsPath: resolve(DATA, 'synonyms.txt'),
  glossaryPath: resolve(DATA, 'glossary-en.tsv'),
});

/** The analyzer of DEFAULT_ANALYZER_FILES (entry points call this once and pass the value on). */
export function createDefaultAnalyzer(): Analyzer {
  return createAnalyzer(DEFAULT_ANALYZER_FILES);
}

/**
 * The analyzer that serves questions (bot, console, ask, eval of a built index): the default
 * data files on jieba.ts, the compact jieba (see createCompactAnalyzer), which answers as
 * nodejieba does at a tenth of its memory and start-up time. Building an index (ingest) keeps
 * createDefaultAnalyzer.
 */
export function createServingAnalyzer(): Analyzer {
  return createCompactAnalyzer(DEFAULT_ANALYZER_FILES);
}
