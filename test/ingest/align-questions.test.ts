import { describe, expect, it } from 'vitest';
import { mutualBest } from '../../src/ingest/align-questions.js';

describe('mutualBest', () => {
  it.each([
    ['each question and answer the other’s best', [[0.2, 0.0], [0.0, 0.1]], ['0:0', '1:1']],
    ['an answer’s best question prefers another answer', [[0.1, 0.0], [0.05, 0.02]], ['0:0']],
    ['a swapped pair: the best fits cross', [[0.0, 0.3], [0.2, 0.1]], ['0:1', '1:0']],
    ['a tie for a question’s best makes no pair for it', [[0.1, 0.1], [0.0, 0.2]], ['1:1']],
    ['a forbidden pair (an opening statement) is never best', [[null, 0.0], [null, 0.1]], ['1:1']],
    ['no questions', [], []],
  ])('GIVEN %s', (_, contents, pairs) => {
    expect([...mutualBest(contents as (number | null)[][])].sort()).toEqual(pairs);
  });
});
