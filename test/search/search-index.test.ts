import { describe, expect, it } from 'vitest';
import { createSearchIndex, SEARCH_OPTIONS } from '../../src/search/index.js';
import { seedIndex } from './helpers.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const file = seedIndex().file;

describe('createSearchIndex', () => {
  it('GIVEN the seed file THEN one document per unit and per unanswered question, units first', () => {
    const index = createSearchIndex(file, createDefaultAnalyzer());
    expect(index.docs.map((doc) => doc.id)).toEqual([...file.units.map((unit) => unit.id), ...file.unanswered.map((question) => question.id)]);
    expect(index.postings.documentCount).toBe(file.units.length + file.unanswered.length);
  });

  it('GIVEN two units with one id THEN it throws naming the id', () => {
    const [first] = file.units;
    if (!first) throw new Error('fixture has no unit');
    expect(() => createSearchIndex({ ...file, units: [first, first] }, createDefaultAnalyzer())).toThrow(`search: duplicate id "${first.id}" in the index file`);
  });

  it('GIVEN other scoring options THEN the index keeps and uses them', () => {
    const strict = createSearchIndex(file, createDefaultAnalyzer(), { ...SEARCH_OPTIONS, thresholds: { ...SEARCH_OPTIONS.thresholds, minCoverage: 1.01 } });
    expect(strict.options.thresholds.minCoverage).toBe(1.01);
  });

  it('GIVEN an empty file THEN an index that answers nothing', () => {
    const empty = createSearchIndex({ ...file, units: [], unanswered: [] }, createDefaultAnalyzer());
    expect(empty.docs).toEqual([]);
  });
});
