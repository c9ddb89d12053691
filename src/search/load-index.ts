import { readFileSync } from 'node:fs';
import { DEFAULT_INDEX_PATH, parseIndexFile } from '../index-file.js';
import { createServingAnalyzer } from '../text/index.js';
import type { IndexFile } from '../types.js';
import { readSearchFile } from './search-file.js';
import { createSearchIndex, restoreSearchIndex, type SearchIndex } from './search-index.js';

/** A built index, ready to answer from. */
export interface LoadedIndex {
  file: IndexFile;
  index: SearchIndex;
  /** Read from the search file beside the index (`index.search`), or built here and why. */
  searchFile: { read: true } | { read: false; reason: string };
}

/**
 * Loads a built index for answering, as every front end does (bot, console, ask, eval of a
 * built index): the index file, the serving analyzer (the compact jieba,
 * createServingAnalyzer), and the search index, read from the search file build-index wrote
 * beside it (search-file.ts) when it was made from this index, else built in memory (the same
 * index; slower for a large archive). Throws `index-file: …` as readIndexFile does.
 */
export function loadSearchIndex(indexPath: string = DEFAULT_INDEX_PATH): LoadedIndex {
  let bytes: Buffer;
  try {
    bytes = readFileSync(indexPath);
  } catch (error) {
    throw new Error(`index-file: cannot read ${indexPath}: ${(error as Error).message}. Run \`npm run build-index\`.`);
  }
  const analyzer = createServingAnalyzer();
  const found = readSearchFile(indexPath, bytes, analyzer.files);
  if (found.stored) {
    // The search file's copy of the index text: the same text, quicker to read than UTF-8.
    const file = parseIndexFile(found.stored.indexText, indexPath);
    return { file, index: restoreSearchIndex(file, analyzer, found.stored), searchFile: { read: true } };
  }
  const file = parseIndexFile(bytes.toString('utf8'), indexPath);
  return { file, index: createSearchIndex(file, analyzer), searchFile: { read: false, reason: found.reason } };
}
