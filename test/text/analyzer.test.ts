import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charBigrams, createAnalyzer, createDefaultAnalyzer, DEFAULT_ANALYZER_FILES } from '../../src/text/index.js';

const { tokenize } = createDefaultAnalyzer();

describe('tokenize', () => {
  it.each([
    ['中方如何评价当前的中美关系？', ['当前', '中美', '关系', '中美关系']],
    ['病毒溯源应该遵循哪些原则', ['病毒', '溯源', '病毒溯源', '遵循', '原则']],
    ['俄罗斯那边现在跟中国关系咋样', ['罗斯', '俄罗斯', '中国', '关系']],
    ['涉港国安立法', ['涉港', '国安', '安立', '立法', '涉港国安立法']],
  ])('GIVEN %s THEN the tokens are exactly %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([
    ['三国GDP占全球', ['三国', 'gdp', '占', '全球']],
    ['出口了120多亿只', ['出口', '120', '多亿', '只']],
    ['COVID-19 疫情', ['covid-19', '疫情']],
    ['ＷＨＯ主导', ['who', '主导']],
  ])('GIVEN Latin words or numbers in %s THEN they stay whole: %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([['的了吗呢'], ['中方怎么看？'], ['请问您如何评价'], [''], ['😀😀😀'], ['？！。，']])(
    'GIVEN only stop words, emoji or punctuation (%s) THEN there are no tokens',
    (text) => {
      expect(tokenize(text)).toEqual([]);
    },
  );

  it.each([
    ['歐洲怎麼看中國', '欧洲怎么看中国'],
    ['中美關係是否正在走向新冷戰？', '中美关系是否正在走向新冷战？'],
    ['針對中國的濫訴有沒有法律依據？', '针对中国的滥诉有没有法律依据？'],
  ])('GIVEN traditional %s THEN the tokens are those of simplified %s', (traditional, simplified) => {
    expect(tokenize(traditional)).toEqual(tokenize(simplified));
  });

  it('never throws and never returns an empty token, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(tokenize(text).every((token) => token.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('charBigrams', () => {
  it.each([
    ['溯源问题', ['溯源', '源问', '问题']],
    ['港', ['港']],
    ['gdp 中日', ['中日']],
  ])('GIVEN %s THEN the character bigrams are %j', (text, grams) => {
    expect(charBigrams(text)).toEqual(grams);
  });
});

describe('createAnalyzer', () => {
  it('GIVEN the same files twice THEN the same analyzer value', () => {
    expect(createAnalyzer({ ...DEFAULT_ANALYZER_FILES })).toBe(createDefaultAnalyzer());
  });

  it('GIVEN other jieba dictionaries than the process loaded THEN it throws, jieba holding one per process', () => {
    expect(() => createAnalyzer({ ...DEFAULT_ANALYZER_FILES, dictPath: '/tmp/other-dict.txt' })).toThrow(/^text: jieba is already loaded with other dictionaries in this process/);
  });

  it('GIVEN a stop-word file that cannot be read THEN it throws naming the file', () => {
    expect(() => createAnalyzer({ ...DEFAULT_ANALYZER_FILES, stopWordsPath: '/nonexistent/stop.txt' })).toThrow(/^text: cannot read \/nonexistent\/stop\.txt/);
  });
});
