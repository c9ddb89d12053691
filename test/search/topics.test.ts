import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findParagraphs, getUnanswered, getUnit, suggestTopics } from '../../src/search/index.js';
import { seedIndex } from './helpers.js';

const index = seedIndex();
const file = index.file;

describe('suggestTopics', () => {
  it('GIVEN nothing typed THEN every topic, units then unanswered questions, in index order', () => {
    expect(suggestTopics(index, '').map((suggestion) => suggestion.id)).toEqual([
      ...file.units.map((unit) => unit.id),
      ...file.unanswered.map((question) => question.id),
    ]);
  });

  it('GIVEN a limit THEN at most that many', () => {
    expect(suggestTopics(index, '', 3)).toHaveLength(3);
    expect(suggestTopics(index, '关系', 2).length).toBeLessThanOrEqual(2);
  });

  it.each([
    ['中美', '中美'],
    ['中美關係', '中美'],
    ['香港', '涉港国安立法'],
    ['溯源', '溯源'],
  ])('GIVEN %s typed THEN the first choice is about %s', (typed, expected) => {
    const [choice] = suggestTopics(index, typed);
    expect(`${choice?.topic} ${choice?.question}`).toContain(expected);
  });

  it('GIVEN the unanswered question THEN its choice is its data: kind, id, topic and question, no words added', () => {
    const recorded = file.unanswered[0]!;
    expect(suggestTopics(index, '香港')[0]).toEqual({ kind: 'unanswered', id: recorded.id, topic: recorded.topic, question: recorded.question });
  });

  it('GIVEN any input THEN ≤ 25 choices, each the topic and question of its unit or unanswered question, source text', () => {
    const byId = new Map([...file.units, ...file.unanswered].map((entry) => [entry.id, entry]));
    for (const typed of ['', '中', '疫情', 'zzz', '😀']) {
      const choices = suggestTopics(index, typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        const entry = byId.get(choice.id);
        expect(choice.kind).toBe(entry !== undefined && 'paragraphs' in entry ? 'unit' : 'unanswered');
        expect({ topic: choice.topic, question: choice.question }).toEqual({ topic: entry?.topic, question: entry?.question });
      }
    }
  });
});

describe('findParagraphs', () => {
  it('GIVEN words of a paragraph THEN that paragraph first, as source text', () => {
    const [hit] = findParagraphs(index, '谎言录越长');
    const unit = file.units.find((candidate) => candidate.id === hit?.unitId);
    expect(hit?.text).toContain('这本谎言录越长');
    expect(unit?.paragraphs[hit?.paragraph ?? -1]).toBe(hit?.text);
  });

  it('GIVEN traditional text THEN the simplified paragraph is found', () => {
    expect(findParagraphs(index, '謊言錄越長')[0]?.text).toContain('这本谎言录越长');
  });

  it('GIVEN a question rather than a quotation THEN the best paragraphs of the best units', () => {
    expect(findParagraphs(index, '中国派了几支医疗专家组')[0]?.text).toContain('26支医疗专家组');
  });

  it.each([[''], ['   ']])('GIVEN empty text %j THEN nothing', (text) => {
    expect(findParagraphs(index, text)).toEqual([]);
  });

  it('GIVEN a limit THEN at most that many', () => {
    expect(findParagraphs(index, '疫情', 4)).toHaveLength(4);
  });
});

describe('getUnit and getUnanswered', () => {
  it('GIVEN an id of the file THEN the unit or question', () => {
    const unit = file.units[2];
    const question = file.unanswered[0];
    expect(unit && getUnit(index, unit.id)).toBe(unit);
    expect(question && getUnanswered(index, question.id)).toBe(question);
  });

  it('GIVEN an unknown id THEN undefined', () => {
    expect(getUnit(index, 'nope#1')).toBeUndefined();
    expect(getUnanswered(index, 'nope#q1')).toBeUndefined();
  });
});

describe('autocomplete on any input', () => {
  it('never throws, and returns source text only', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (typed) => {
        expect(suggestTopics(index, typed).length).toBeLessThanOrEqual(25);
        for (const hit of findParagraphs(index, typed)) {
          expect(file.units.find((unit) => unit.id === hit.unitId)?.paragraphs[hit.paragraph]).toBe(hit.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});
