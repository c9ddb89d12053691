import { describe, expect, it } from 'vitest';
import { addToBag, contentWords, cosine, joinedNames, joinSingleCharacters, synonymClasses, WordModel } from '../../src/ingest/word-model.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();

describe('contentWords', () => {
  it.each([
    ['中美关系出现的困难', ['中美关系', '出现', '困难']],
    ['中國將如期實現2030年目標', ['中国', '如期', '实现', '2030', '目标']],
    ['我们在12月举行会议', ['举行', '会议']],
    ['推动伊核问题政治解决', ['推动', '伊核', '政治', '解决']],
  ])('contentWords(%s) → %j', (text, words) => {
    expect(contentWords(text, analyzer)).toEqual(words);
  });
});

describe('joinSingleCharacters', () => {
  it.each([
    [['推动', '伊', '核', '问题'], ['推动', '伊核', '问题']],
    [['缓', '债', '倡议'], ['缓债', '倡议']],
    // A function character (同: a preposition; 两: a numeral) ends a run.
    [['愿', '同', '各方'], ['愿', '同', '各方']],
    [['两', '国'], ['两', '国']],
  ])('joinSingleCharacters(%j) → %j', (words, joined) => {
    expect(joinSingleCharacters(words, analyzer)).toEqual(joined);
  });
});

describe('joinedNames', () => {
  it.each([
    ['推动伊核问题，缓债倡议', ['伊核', '缓债']],
    ['中美关系出现的困难', []],
    ['愿同各方', []],
  ])('joinedNames(%s) → %j', (text, names) => {
    expect(joinedNames(text, analyzer)).toEqual(names);
  });
});

describe('synonymClasses', () => {
  it('GIVEN the field synonyms THEN words for one party fall in one class, other words in their own', () => {
    const classOf = synonymClasses(analyzer.lexicon.synonyms);
    expect(classOf('美方')).toBe(classOf('美国'));
    expect(classOf('中美')).toBe(classOf('美国'));
    expect(classOf('俄方')).not.toBe(classOf('美国'));
    expect(classOf('气候变化')).toBe('气候变化');
  });
});

describe('WordModel', () => {
  const bag = (...words: string[]) => addToBag(new Map(), words);
  const model = new WordModel([bag('合作', '气候', '减排'), bag('合作', '非洲', '峰会'), bag('合作', '南海', '磋商')], () => 1);

  it('GIVEN a word every answer uses THEN it weighs next to nothing; a word of one answer weighs most', () => {
    expect(model.weight('合作')).toBeLessThan(0.3);
    expect(model.weight('非洲')).toBeGreaterThan(0.9);
  });

  it('GIVEN a short text sharing one word with an answer THEN it is less evidence than a longer text sharing that word and more; with no prior it is the cosine', () => {
    const answer = bag('气候', '减排', '峰会');
    const short = model.evidence(bag('气候'), answer, 1);
    const long = model.evidence(bag('气候', '减排', '南海'), answer, 1);
    expect(short).toBeLessThan(model.similarity(bag('气候'), answer));
    expect(long).toBeGreaterThan(short);
    expect(model.evidence(bag('气候'), answer, 0)).toBeCloseTo(model.similarity(bag('气候'), answer));
  });

  it('GIVEN a paragraph sharing only a word every answer uses THEN its similarity with each answer is small', () => {
    const broad = model.similarity(bag('合作', '发展'), bag('合作', '气候', '减排'));
    const telling = model.similarity(bag('气候', '发展'), bag('合作', '气候', '减排'));
    expect(broad).toBeLessThan(0.1);
    expect(telling).toBeGreaterThan(3 * broad);
  });

  it('GIVEN two bags THEN telling lists the words they share, most telling first', () => {
    expect(model.telling(bag('合作', '非洲', '峰会'), bag('非洲', '峰会', '合作'))).toEqual(['峰会', '非洲', '合作']);
  });

  it('cosine of empty vectors is 0', () => {
    expect(cosine(new Map(), new Map([['a', 1]]))).toBe(0);
  });
});
