import { describe, expect, it } from 'vitest';
import { formatAnswerText, TEXT_LABELS } from '../../src/present/text.js';
import { answerQuestion } from '../../src/search/index.js';
import { seedIndex } from '../search/helpers.js';

const index = seedIndex();

describe('formatAnswerText', () => {
  it('GIVEN an answer THEN topic, reporter question, every paragraph with the best marked, and the attribution', () => {
    const answer = answerQuestion(index, '中国派了几支医疗专家组出去');
    const text = formatAnswerText(answer, index.file);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`【${answer.answer?.topic}】`);
    expect(lines[1]).toBe(`记者问（中国日报）：${answer.answer?.reporterQuestion}`);
    expect(lines[2]).toBe('王毅（国务委员兼外交部长）答：');
    for (const paragraph of answer.answer?.paragraphs ?? []) expect(text).toContain(paragraph);
    expect(lines.filter((line) => line.startsWith(TEXT_LABELS.bestMarker))).toEqual([
      `${TEXT_LABELS.bestMarker}${answer.answer?.paragraphs[answer.answer.bestParagraph]}`,
    ]);
    expect(text).toContain('——王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24（出处：2020-05-24-npc-press-conference.txt）');
  });

  it('GIVEN an answer without reporter question THEN it says so', () => {
    const text = formatAnswerText(answerQuestion(index, '记者会开场时王毅说了什么？'), index.file);
    expect(text.split('\n')[1]).toBe(TEXT_LABELS.noReporterQuestion);
  });

  it('GIVEN an unanswered question THEN it says the transcript has no answer and shows the question', () => {
    const text = formatAnswerText(answerQuestion(index, '涉港国安立法会影响香港的金融中心地位吗？'), index.file);
    expect(text.split('\n').slice(0, 2)).toEqual([
      TEXT_LABELS.unanswered,
      '当时的提问（路透社）：中国决定推进涉港国安立法可能导致美方报复。中方是否担心香港作为全球金融中心的地位会因此受到损害？',
    ]);
  });

  it('GIVEN no match without close topics THEN an honest message and a hint', () => {
    expect(formatAnswerText(answerQuestion(index, '帮我写一首诗'), index.file)).toBe(`${TEXT_LABELS.noMatch}\n${TEXT_LABELS.noMatchHint}`);
  });
});
