import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHomophoneIndex } from '../../src/text/homophones.js';

const VOCABULARY = [
  '援助',
  '制裁',
  '主权',
  '中国',
  '银行',
  '行长',
  '事实',
  '时事',
  '实施',
  '知识',
  '自私',
  '难过',
  '南国',
  '老师',
  '老四',
  '立场',
  '鲸鱼',
  '金鱼',
];

describe('createHomophoneIndex', () => {
  const homophones = createHomophoneIndex(VOCABULARY);

  it.each([
    ['原助', [{ word: '援助', distance: 0 }]],
    ['制才', [{ word: '制裁', distance: 0 }]],
    ['主全', [{ word: '主权', distance: 0 }]],
    // A polyphonic character read another way than usual: 航长 hang chang/zhang → 行长 hang zhang.
    ['航长', [{ word: '行长', distance: 0 }]],
    ['音航', [{ word: '银行', distance: 0 }]],
    // Same sounds: the same tones first (时事 shi2 shi4), then one tone off, then two.
    [
      '实事',
      [
        { word: '时事', distance: 0 },
        { word: '实施', distance: 0 },
        { word: '事实', distance: 0 },
      ],
    ],
    // s/sh: no word sounds exactly like 十四 (shi si), three do with sh = s.
    [
      '十四',
      [
        { word: '时事', distance: 1 },
        { word: '实施', distance: 1 },
        { word: '事实', distance: 1 },
      ],
    ],
    [
      '之识',
      [
        { word: '知识', distance: 0 },
        { word: '自私', distance: 1 },
      ],
    ],
    // n/l, and the same tones first.
    [
      '兰过',
      [
        { word: '难过', distance: 1 },
        { word: '南国', distance: 1 },
      ],
    ],
    // an/ang, in/ing, en/eng: 经于 jing yu → 鲸鱼; 金鱼 jin yu with in = ing.
    [
      '经于',
      [
        { word: '鲸鱼', distance: 0 },
        { word: '金鱼', distance: 1 },
      ],
    ],
    // Another tone is still distance 0 (tones only order the matches); c/ch is distance 1.
    ['力常', [{ word: '立场', distance: 0 }]],
    ['力藏', [{ word: '立场', distance: 1 }]],
    [
      '劳师',
      [
        { word: '老师', distance: 0 },
        { word: '老四', distance: 1 },
      ],
    ],
  ])('GIVEN the typo %s THEN the vocabulary words that sound like it are %j', (typo, expected) => {
    expect(homophones.lookup(typo)).toEqual(expected);
  });

  it.each([
    ['中国', 'a vocabulary word without homophones'],
    ['外交', 'a word that sounds like no vocabulary word'],
    ['援', 'a single character'],
    ['aid', 'a Latin word'],
    ['援助a', 'a word with a Latin letter'],
    ['', 'the empty string'],
  ])('GIVEN %s (%s) THEN there is no homophone', (word) => {
    expect(homophones.lookup(word)).toEqual([]);
  });

  it('GIVEN a vocabulary word THEN it is left out of its own homophones', () => {
    // 事实 shi4 shi2: 时事 shi2 shi4 and 实施 shi2 shi1 both differ in two tones; vocabulary order.
    expect(homophones.lookup('事实')).toEqual([
      { word: '时事', distance: 0 },
      { word: '实施', distance: 0 },
    ]);
  });

  it('GIVEN single characters, Latin words and duplicates THEN only distinct Chinese words of 2+ characters are indexed', () => {
    expect(createHomophoneIndex(['援助', '援助', '援', 'aid', 'g20峰会', '制裁']).size).toBe(2);
  });

  it('GIVEN two homophones equally close THEN the vocabulary order breaks the tie', () => {
    // 时诗, 实施 and 石狮 are all shi2 shi1.
    expect(createHomophoneIndex(['实施', '石狮']).lookup('时诗').map((m) => m.word)).toEqual(['实施', '石狮']);
    expect(createHomophoneIndex(['石狮', '实施']).lookup('时诗').map((m) => m.word)).toEqual(['石狮', '实施']);
  });

  it('GIVEN any word THEN every homophone is another vocabulary word of its length, once, exact sounds first', () => {
    const characters = [...new Set(VOCABULARY.join('') + '原才全航音十四之兰于力常劳')];
    const word = fc
      .array(fc.constantFrom(...characters), { minLength: 1, maxLength: 3 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(word, fc.constantFrom(...VOCABULARY)), (query) => {
        const found = homophones.lookup(query);
        const words = found.map((match) => match.word);
        expect(new Set(words).size).toBe(words.length);
        for (const { word: homophone } of found) {
          expect(VOCABULARY).toContain(homophone);
          expect(homophone).not.toBe(query);
          expect(homophone.length).toBe(query.length);
        }
        const distances = found.map((match) => match.distance);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
      }),
    );
  });
});
