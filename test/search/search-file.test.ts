import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeIndex } from '../../src/cli/build-index.js';
import { DEFAULT_INDEX_PATH, readIndexFile } from '../../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { loadSearchIndex } from '../../src/search/load-index.js';
import { searchFilePath, writeSearchFile } from '../../src/search/search-file.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { benchmarkQuestions } from '../../benchmarks/questions.js';
import { archiveIndex, archiveQuestions } from '../../benchmarks/archive-corpus.js';
import type { IndexFile } from '../../src/types.js';

const native = createDefaultAnalyzer();

/** An index file and its search file (written as build-index writes them) in a new folder. */
function written(file: IndexFile): string {
  const path = join(mkdtempSync(join(tmpdir(), 'koujing-search-')), 'index.json');
  const text = serializeIndex(file);
  writeFileSync(path, text);
  writeSearchFile(path, text, createSearchIndex(file, native));
  return path;
}

describe('the search file', () => {
  it.each([
    ['the bundled index', readIndexFile(), benchmarkQuestions()],
    ['an archive of 2,000 paragraphs', archiveIndex({ paragraphs: 2_000 }), archiveQuestions(archiveIndex({ paragraphs: 2_000 }), 100)],
  ])('GIVEN %s written with its search file THEN the bot loads it and answers every question as the index built in memory', (_, file, questions) => {
    const path = written(file);
    const loaded = loadSearchIndex(path);
    expect(loaded.searchFile).toEqual({ read: true });
    const built = createSearchIndex(file, native);
    expect(loaded.index.docs.map((doc) => [doc.id, doc.matchText, doc.paragraphStarts])).toEqual(built.docs.map((doc) => [doc.id, doc.matchText, doc.paragraphStarts]));
    expect([...loaded.index.documentFrequency]).toEqual([...built.documentFrequency]);
    for (const question of questions) expect(answerQuestion(loaded.index, question), question).toEqual(answerQuestion(built, question));
  });

  it('GIVEN an index changed since its search file was written THEN the index is built instead, saying why', () => {
    const path = written(readIndexFile());
    writeFileSync(path, `${readFileSync(path, 'utf8')} `);
    expect(loadSearchIndex(path).searchFile).toEqual({ read: false, reason: 'index.search was made from another index.json' });
  });

  it('GIVEN no search file THEN the index is built, saying why', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koujing-search-')), 'index.json');
    copyFileSync(DEFAULT_INDEX_PATH, path);
    expect(loadSearchIndex(path).searchFile).toEqual({ read: false, reason: 'no index.search beside index.json' });
    expect(searchFilePath(path)).toBe(path.replace(/index\.json$/u, 'index.search'));
  });
});
