import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSuiteIndex, DEV_SET_PATHS, parseEvalSet, suiteFiles } from '../../src/cli/eval.js';
import { PROJECT_ROOT, readIndexFile } from '../../src/index-file.js';
import { answerQuestion, createSearchIndex, type SearchIndex } from '../../src/search/index.js';
import { loadSearchIndex } from '../../src/search/load-index.js';
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

  it('GIVEN the evaluation suite (its corpus ingested with nodejieba) and both its halves THEN the same answers', () => {
    const reference = buildSuiteIndex(native);
    const serving = createSearchIndex(reference.file, served);
    const { tuning, holdout } = suiteFiles();
    expectSameAnswers(reference, serving, questionsOf([...tuning, ...holdout]));
  });
});
