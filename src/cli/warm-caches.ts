/**
 * `node dist/src/cli/warm-caches.js` (run by `npm ci`, through the prepare script): what the
 * first start would otherwise pay for. Compiles jieba's dictionary for the serving analyzer into
 * its cache (src/text/jieba-data.ts, 1–2 s), and writes the search file of the default index
 * (index-data/index.search, src/search/search-file.ts) when it is missing or stale. Safe to run
 * again: what is in place and current is kept.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_INDEX_PATH } from '../index-file.js';
import { loadSearchIndex } from '../search/load-index.js';
import { writeSearchFile } from '../search/search-file.js';
import { jiebaCachePath, jiebaDataPaths, loadJiebaData } from '../text/jieba-data.js';

function main(): number {
  const paths = jiebaDataPaths();
  loadJiebaData(paths);
  console.log(`warm-caches: jieba's dictionary compiled to ${jiebaCachePath(paths)}`);
  const loaded = loadSearchIndex(DEFAULT_INDEX_PATH);
  if (loaded.searchFile.read) console.log(`warm-caches: the search file of ${DEFAULT_INDEX_PATH} is current`);
  else console.log(`warm-caches: ${loaded.searchFile.reason}; wrote ${writeSearchFile(DEFAULT_INDEX_PATH, readFileSync(DEFAULT_INDEX_PATH, 'utf8'), loaded.index)}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
