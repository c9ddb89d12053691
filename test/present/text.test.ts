import { describe, expect, it } from 'vitest';
import { messages } from '../../src/messages.js';
import { describeAbstention } from '../../src/present/abstention.js';
import { formatAnswerText } from '../../src/present/text.js';
import { answerQuestion } from '../../src/search/index.js';
import { seedIndex } from '../search/helpers.js';

const index = seedIndex();

describe('formatAnswerText', () => {
  it('GIVEN an answer THEN topic, reporter question, every paragraph with the best marked, the attribution and the confidence', () => {
    const answer = answerQuestion(index, '中国派了几支医疗专家组出去');
    const hit = answer.answer!;
    const text = formatAnswerText(answer, index.file);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([`【${hit.topic}】`, `记者问（中国日报）：${hit.reporterQuestion}`, '王毅（国务委员兼外交部长）答：']);
    expect(lines.slice(3, 3 + hit.paragraphs.length)).toEqual(hit.paragraphs.map((paragraph, i) => `${i === hit.bestParagraph ? '▶ ' : '  '}${paragraph}`));
    expect(lines.slice(3 + hit.paragraphs.length, 5 + hit.paragraphs.length)).toEqual([
      '—— 王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24（来源：2020-05-24-npc-press-conference.txt）',
      `匹配度：${hit.confidence.toFixed(2)}`,
    ]);
  });

  it('GIVEN an answer without reporter question THEN it says so', () => {
    const text = formatAnswerText(answerQuestion(index, '记者会开场时王毅说了什么？'), index.file);
    expect(text.split('\n')[1]).toBe('（记录中没有这段回答对应的提问）');
  });

  it('GIVEN an unanswered question THEN the words of the Discord reply: the question, who asked, where', () => {
    const text = formatAnswerText(answerQuestion(index, '涉港国安立法会影响香港的金融中心地位吗？'), index.file);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '记者会实录中记录了这个问题，但没有记录回答：',
      '> 中国决定推进涉港国安立法可能导致美方报复。中方是否担心香港作为全球金融中心的地位会因此受到损害？',
      '（提问：路透社）',
      '—— 十三届全国人大三次会议记者会，2020-05-24（来源：2020-05-24-npc-press-conference.txt）',
    ]);
  });

  it('GIVEN no match without close topics THEN the honest message and a hint', () => {
    expect(formatAnswerText(answerQuestion(index, '帮我写一首诗'), index.file)).toBe(`${messages.noMatch}\n${messages.noMatchHint}`);
  });

  it.each(['俄罗斯对中俄关系怎么看', '中美关系什么时候开始恶化的', '美国', '请问'])(
    'GIVEN an abstention (%s) THEN why and what instead, as every front end words it',
    (question) => {
      const answer = answerQuestion(index, question);
      expect(answer.status).toBe('no_match');
      expect(formatAnswerText(answer, index.file)).toBe(describeAbstention(answer).join('\n'));
    },
  );
});
