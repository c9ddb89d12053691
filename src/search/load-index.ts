import { DEFAULT_INDEX_PATH, readIndexFile } from '../index-file.js';
import { createServingAnalyzer } from '../text/index.js';
import type { IndexFile } from '../types.js';
import { createSearchIndex, type SearchIndex } from './search-index.js';

/** A built index, ready to answer from. */
export interface LoadedIndex {
  file: IndexFile;
  index: SearchIndex;
}

/**
 * Loads a built index for answering, as every front end does (bot, console, ask, eval of a
 * built index): the index file and its search index, with the serving analyzer (the compact
 * jieba, createServingAnalyzer). Throws `index-file: …` as readIndexFile does.
 */
export function loadSearchIndex(indexPath: string = DEFAULT_INDEX_PATH): LoadedIndex {
  const file = readIndexFile(indexPath);
  return { file, index: createSearchIndex(file, createServingAnalyzer()) };
}
