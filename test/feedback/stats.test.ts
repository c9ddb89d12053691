import { describe, expect, it } from 'vitest';
import { groupNearIdentical, questionKey } from '../../src/feedback/index.js';
import { MAX_DISTINCT_KEYS, nearIdentical } from '../../src/feedback/stats.js';

describe('questionKey', () => {
  it.each([
    ['歐洲怎麼看中國？ ', '欧洲怎么看中国'],
    ['中美关系，怎么看?', '中美关系怎么看'],
    ['ＷＨＯ 的作用', 'who的作用'],
  ])('GIVEN %j THEN the key is %j', (question, key) => {
    expect(questionKey(question)).toBe(key);
  });
});

describe('nearIdentical', () => {
  it.each([
    ['中国如何看待气候变化问题', '中国怎样看待气候变化问题', true, 'two of twelve characters replaced'],
    ['中美关系', '中美关系呢', true, 'one added to five'],
    ['中美关系会走向新冷战吗', '中美关系会走向新冷战', true, 'a particle dropped'],
    ['台湾问题', '香港问题', false, 'two of four replaced'],
    ['中国如何看待气候变化问题', '美国如何看待贸易问题', false, 'another question'],
    ['', '', true, 'both empty'],
  ])('GIVEN %j and %j THEN %s (%s)', (a, b, expected) => {
    expect(nearIdentical([...a], [...b])).toBe(expected);
    expect(nearIdentical([...b], [...a])).toBe(expected);
  });
});

describe('groupNearIdentical', () => {
  it('GIVEN phrasings of one question in both scripts, with and without punctuation THEN one group, led by its most asked phrasing', () => {
    expect(
      groupNearIdentical([
        { question: '中国怎样看待气候变化问题', closestTopics: ['全球治理'] },
        { question: '香港问题' },
        { question: '中國如何看待氣候變化問題', closestTopics: ['全球治理'] },
        { question: '中国如何看待气候变化问题？', closestTopics: ['中美关系'] },
        { question: '中国如何看待气候变化问题？' },
      ]),
    ).toEqual([
      { question: '中国如何看待气候变化问题？', count: 4, phrasings: 3, closestTopics: ['全球治理', '中美关系'] },
      { question: '香港问题', count: 1, phrasings: 1, closestTopics: [] },
    ]);
  });

  it('GIVEN questions asked as often THEN the latest (given first) leads', () => {
    expect(groupNearIdentical([{ question: '台湾问题' }, { question: '香港问题' }]).map((group) => group.question)).toEqual(['台湾问题', '香港问题']);
  });

  it(`GIVEN more than ${MAX_DISTINCT_KEYS} different questions THEN only the ${MAX_DISTINCT_KEYS} most asked are grouped`, () => {
    const many = Array.from({ length: MAX_DISTINCT_KEYS + 50 }, (_, i) => ({ question: `问题${i.toString(36)}号甲乙丙丁戊己庚辛` }));
    expect(groupNearIdentical(many).reduce((sum, group) => sum + group.count, 0)).toBeLessThanOrEqual(MAX_DISTINCT_KEYS);
  });
});
