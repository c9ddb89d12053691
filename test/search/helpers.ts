import { resolve } from 'node:path';
import { PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

/** The seed transcript's units as ingest should produce them (hand-checked fixture). */
export const SEED_INDEX_PATH = resolve(PROJECT_ROOT, 'test/fixtures/search/seed-index.json');

let seed: SearchIndex | undefined;

/** A search index over the seed fixture, built once per test file. */
export function seedIndex(): SearchIndex {
  seed ??= createSearchIndex(readIndexFile(SEED_INDEX_PATH), createDefaultAnalyzer());
  return seed;
}

/** The seed plus two shorter transcripts (other speakers, other topics, a 问/答 layout). */
export const MULTI_SOURCE_INDEX_PATH = resolve(PROJECT_ROOT, 'test/fixtures/search/multi-source-index.json');

let multi: SearchIndex | undefined;

/** A search index over the three transcripts, built once per test file. */
export function multiSourceIndex(): SearchIndex {
  multi ??= createSearchIndex(readIndexFile(MULTI_SOURCE_INDEX_PATH), createDefaultAnalyzer());
  return multi;
}
