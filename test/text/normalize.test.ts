import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../src/text/normalize.js';

describe('normalizeForMatching', () => {
  it.each([
    ['歐洲怎麼看中國', '欧洲怎么看中国'],
    ['中美關係是否正在走向新冷戰？', '中美关系是否正在走向新冷战?'],
    ['ＷＨＯ　ＧＤＰ１２０', 'who gdp120'],
    ['世卫组织', '世卫组织'],
    ['世界衞生組織', '世界卫生组织'],
    ['綫上峯會', '线上峰会'],
    ['臺灣裏面', '台湾里面'],
  ])('GIVEN %s THEN the matching key is %s', (input, key) => {
    expect(normalizeForMatching(input)).toBe(key);
  });
});
