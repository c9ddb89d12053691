import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/search/index.js';
import { multiSourceIndex } from './helpers.js';

const index = multiSourceIndex();

describe('answerQuestion over several transcripts', () => {
  it.each([
    ['澳大利亚搞反倾销调查，中国怎么看', '中澳经贸合作', '2021-03-07-press-conference'],
    ['中印關係能否重回正軌？', '边境局势总体稳定', '2021-03-07-press-conference'],
    ['中非疫苗合作', '四十多个非洲国家', '2021-03-07-press-conference'],
    ['Does China give vaccines to Africa?', '四十多个非洲国家', '2021-03-07-press-conference'],
    ['华春莹开场说了什么', '欢迎参加今天的记者会', '2021-03-07-press-conference'],
    ['记者会开场时王毅说了什么？', '至暗时刻', '2020-05-24-npc-press-conference'],
    ['美国要重新调查病毒源头，中方怎么回应', '溯源', '2021-06-01-mfa-qa'],
    ['中美關係是否正在走向新冷戰？', '谎言录', '2020-05-24-npc-press-conference'],
  ])('GIVEN %s THEN the unit containing %s, from %s', (question, expected, source) => {
    const answer = answerQuestion(index, question);
    expect(answer.status).toBe('answered');
    expect(answer.answer?.paragraphs.join('')).toContain(expected);
    expect(answer.answer?.source).toBe(source);
  });

  it.each([['日本排放核污水，中方什么态度'], ['福岛核污水'], ['涉港国安立法会影响香港的金融中心地位吗？']])(
    'GIVEN %s THEN unanswered: the transcripts record the question without an answer',
    (question) => {
      expect(answerQuestion(index, question).status).toBe('unanswered');
    },
  );

  it.each([['中国如何看待英国脱欧？'], ['今天股票行情怎么样'], ['帮我写一首诗']])('GIVEN the out-of-scope %s THEN no_match', (question) => {
    expect(answerQuestion(index, question).status).toBe('no_match');
  });
});
