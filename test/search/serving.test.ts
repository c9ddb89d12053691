import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeIndex } from '../../src/cli/build-index.js';
import { buildSuiteIndex, DEV_SET_PATHS, parseEvalSet, suiteFiles } from '../../src/cli/eval.js';
import { PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { answerQuestion, createSearchIndex, type SearchIndex } from '../../src/search/index.js';
import { loadSearchIndex } from '../../src/search/load-index.js';
import { writeSearchFile } from '../../src/search/search-file.js';
import { createDefaultAnalyzer, createServingAnalyzer } from '../../src/text/index.js';

/**
 * The bot answers with the serving analyzer (jieba.ts over the compact dictionary); the indexes
 * are built, and the answers were tuned, with nodejieba. Every question of every evaluation set
 * must get the very same answer from both: status, unit, confidence, alternatives, analysis.
 */
const native = createDefaultAnalyzer();
const served = createServingAnalyzer();

function questionsOf(paths: readonly string[]): string[] {
  return paths.flatMap((path) => parseEvalSet(readFileSync(path, 'utf8'), path).map((evalCase) => evalCase.question));
}

function expectSameAnswers(reference: SearchIndex, serving: SearchIndex, questions: readonly string[]): void {
  expect(questions.length).toBeGreaterThan(0);
  for (const question of questions) expect(answerQuestion(serving, question), question).toEqual(answerQuestion(reference, question));
}

describe('the served index answers as the index built with nodejieba', () => {
  it('GIVEN the bundled index and the dev, extra and held-out sets THEN the same answers', () => {
    const reference = createSearchIndex(readIndexFile(), native);
    const { index } = loadSearchIndex();
    expect(index.analyzer).toBe(served);
    const sets = [
      ...DEV_SET_PATHS.filter((path) => existsSync(path)),
      ...['extra-questions.tsv', 'holdout-questions.tsv'].map((name) => resolve(PROJECT_ROOT, 'test/fixtures', name)),
    ];
    expectSameAnswers(reference, index, questionsOf(sets));
  });

  it('GIVEN the evaluation suite (its corpus ingested with nodejieba) and both its halves THEN the same answers, built in memory or loaded from its search file', () => {
    const reference = buildSuiteIndex(native);
    const { tuning, holdout } = suiteFiles();
    const questions = questionsOf([...tuning, ...holdout]);
    expectSameAnswers(reference, createSearchIndex(reference.file, served), questions);
    // As build-index writes it, and the bot loads it.
    const path = join(mkdtempSync(join(tmpdir(), 'koujing-suite-')), 'index.json');
    const text = serializeIndex(reference.file);
    writeFileSync(path, text);
    writeSearchFile(path, text, createSearchIndex(reference.file, native));
    const loaded = loadSearchIndex(path);
    expect(loaded.searchFile).toEqual({ read: true });
    expectSameAnswers(reference, loaded.index, questions);
  });
});
