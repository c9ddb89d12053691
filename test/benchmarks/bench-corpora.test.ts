import { describe, expect, it } from 'vitest';
import { archiveIndex, archiveQuestions } from '../../benchmarks/archive-corpus.js';
import { createBigramReference } from '../../benchmarks/reference.js';
import type { IndexFile } from '../../src/types.js';

const archive = archiveIndex({ paragraphs: 2_000 });

describe('archiveIndex', () => {
  it('GIVEN a seed THEN the same corpus every time, and another seed gives another', () => {
    expect(archiveIndex({ paragraphs: 300 })).toEqual(archiveIndex({ paragraphs: 300 }));
    expect(archiveIndex({ paragraphs: 300, seed: 8 }).units[0]).not.toEqual(archiveIndex({ paragraphs: 300 }).units[0]);
  });

  it('GIVEN a size THEN that many paragraphs, in press conferences of their own dates, with unique ids', () => {
    expect(archive.units.reduce((n, unit) => n + unit.paragraphs.length, 0)).toBe(2_000);
    expect(new Set(archive.units.map((unit) => unit.id)).size).toBe(archive.units.length);
    expect(new Set(archive.sources.map((source) => source.date)).size).toBe(archive.sources.length);
    const sourceIds = new Set(archive.sources.map((source) => source.id));
    expect([...archive.units, ...archive.unanswered].every((item) => sourceIds.has(item.source))).toBe(true);
  });

  it('GIVEN a larger corpus THEN its vocabulary keeps growing (an archive, not one transcript recombined)', () => {
    const words = (file: IndexFile) => new Set(file.units.flatMap((unit) => unit.paragraphs.join('').match(/[\u4e00-\u9fff]{2}/gu) ?? []));
    const small = words(archiveIndex({ paragraphs: 500 }));
    expect(words(archive).size).toBeGreaterThan(small.size * 2);
  });

  it('GIVEN questions THEN three in four name words of a unit, the others words the corpus never uses', () => {
    const questions = archiveQuestions(archive, 40);
    expect(questions).toHaveLength(40);
    expect(archiveQuestions(archive, 40)).toEqual(questions);
    const text = archive.units.map((unit) => `${unit.topic}${unit.paragraphs.join('')}`).join('');
    const offTopic = questions.filter((question) => /的电影|怎么样|哪个好|是多少/u.test(question));
    expect(offTopic.length).toBeGreaterThan(0);
    expect(questions.filter((question) => !offTopic.includes(question)).every((question) => question.match(/[\u4e00-\u9fff]{2}/gu)?.some((word) => text.includes(word)))).toBe(true);
  });
});

describe('the bigram reference', () => {
  const file: IndexFile = {
    schemaVersion: 1,
    generated: 'test',
    sources: [],
    units: ['中美关系稳定发展', '中欧关系', '病毒溯源是科学问题', '气候变化', '中美经贸磋商'].map((text, i) => ({
      id: `u#${i}`,
      topic: '',
      question: null,
      outlet: null,
      speaker: '王毅',
      source: 'u',
      paragraphs: [text],
    })),
    unanswered: [],
  };
  const reference = createBigramReference(file);

  it.each([
    ['中美关系', [0, 1, 4]],
    ['病毒溯源', [2]],
    ['天气预报', []],
  ])('GIVEN %s THEN the documents sharing its bigrams, best first: %j', (question, expected) => {
    expect(reference.search(question)).toEqual(expected);
  });

  it('GIVEN more than ten matches THEN the ten best', () => {
    const many = createBigramReference({ ...file, units: Array.from({ length: 30 }, (_, i) => ({ ...file.units[0]!, id: `m#${i}`, paragraphs: ['中美'.repeat(1 + (i % 7)) + '其他内容'.repeat(i)] })) });
    const top = many.search('中美');
    expect(top).toHaveLength(10);
    expect(new Set(top).size).toBe(10);
  });
});
