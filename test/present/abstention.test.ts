import { describe, expect, it } from 'vitest';
import { describeAbstention, partyAsTyped } from '../../src/present/abstention.js';
import { answerQuestion } from '../../src/search/index.js';
import type { Answer, AnswerAnalysis, AnswerDecision } from '../../src/types.js';
import { seedIndex } from '../search/helpers.js';

/** A no_match answer as answerQuestion returns it, with the given reason, intent and closest topics. */
function abstention(
  question: string,
  reason: AnswerDecision['reason'] | undefined,
  intent: AnswerAnalysis['intent'],
  topics: string[],
): Answer {
  return {
    question,
    status: 'no_match',
    answer: null,
    unansweredQuestion: null,
    alternatives: topics.map((topic, i) => ({ unitId: `s#${i + 1}`, topic, confidence: 0.4 })),
    analysis: { intent, framing: [], terms: [], english: false },
    ...(reason === undefined ? {} : { decision: { reason, coverage: 0.5, margin: 0.5 } }),
  };
}

const POSITION = { kind: 'position' } as const;

describe('describeAbstention', () => {
  it.each<[string, Answer, string[]]>([
    [
      'another party’s view, with near topics',
      abstention('俄罗斯对中俄关系怎么看', 'other_party_view', { kind: 'other-view', party: '俄罗斯', cue: '怎么看' }, ['中俄关系']),
      ['实录中只有中方的表态，没有俄罗斯的看法。', '可以提供中方在相近话题上的表态：中俄关系'],
    ],
    [
      'another party’s view, typed in traditional characters',
      abstention('俄羅斯對中俄關係怎麼看', 'other_party_view', { kind: 'other-view', party: '俄罗斯', cue: '怎么看' }, ['中俄关系']),
      ['实录中只有中方的表态，没有俄羅斯的看法。', '可以提供中方在相近话题上的表态：中俄关系'],
    ],
    [
      'another party’s view, asked in English',
      abstention('How did the US respond?', 'other_party_view', { kind: 'other-view', party: 'the us', cue: 'respond' }, ['病毒溯源', '后疫情世界']),
      ['实录中只有中方的表态，没有 the US 的看法。', '可以提供中方在相近话题上的表态：病毒溯源、后疫情世界'],
    ],
    [
      'another party’s view, nothing near, party unnamed',
      abstention('他们怎么看', 'other_party_view', { kind: 'other-view' }, []),
      ['实录中只有中方的表态，没有对方的看法。'],
    ],
    [
      'a number the record does not state',
      abstention('中俄贸易额是多少', 'fact_not_stated', { kind: 'fact', fact: 'quantity', cue: '多少' }, ['中俄关系']),
      ['实录中没有给出这个具体数字。', '实录中有这个话题的官方表态：中俄关系'],
    ],
    [
      'a date the record does not state',
      abstention('中美关系什么时候开始恶化的', 'fact_not_stated', { kind: 'fact', fact: 'date', cue: '什么时候' }, ['中美关系']),
      ['实录中没有给出这个具体日期或时间。', '实录中有这个话题的官方表态：中美关系'],
    ],
    [
      'an age',
      abstention('王毅多大了', 'fact_not_stated', { kind: 'fact', fact: 'age', cue: '多大了' }, []),
      ['实录中没有给出这个年龄。'],
    ],
    [
      'a name',
      abstention('病毒溯源的科学家叫什么名字', 'fact_not_stated', { kind: 'fact', fact: 'identity', cue: '叫什么名字' }, ['病毒源头']),
      ['实录中没有给出这个名字。', '实录中有这个话题的官方表态：病毒源头'],
    ],
    [
      'a place',
      abstention('在哪里举行', 'fact_not_stated', { kind: 'fact', fact: 'place', cue: '在哪里举行' }, ['中日韩关系']),
      ['实录中没有给出这个地点。', '实录中有这个话题的官方表态：中日韩关系'],
    ],
    [
      'a list',
      abstention('具体有哪些产品', 'fact_not_stated', { kind: 'fact', fact: 'items', cue: '具体有哪些' }, ['中美关系']),
      ['实录中没有给出这个具体清单。', '实录中有这个话题的官方表态：中美关系'],
    ],
    [
      'whether an action will be taken, where the record does not speak of it',
      {
        ...abstention('中国会不会暂停出口口罩', 'action_not_stated', POSITION, ['中美关系']),
        analysis: { intent: POSITION, framing: [], terms: [], english: false, whether: { cue: '会不会', action: '暂停出口口罩' } },
      },
      ['实录中没有谈到“暂停出口口罩”。', '实录中有这个话题的官方表态：中美关系'],
    ],
    [
      'what a question asks of an event, where the record does not speak of it',
      {
        ...abstention('中国帮非洲最后建了哪些医院', 'detail_not_stated', POSITION, ['抗疫支持']),
        analysis: { intent: POSITION, framing: [], terms: [], english: false, asked: ['医院'] },
      },
      ['实录中没有谈到“医院”。', '实录中有这个话题的官方表态：抗疫支持'],
    ],
    [
      'a fact of a kind this front end does not know',
      abstention('?', 'fact_not_stated', { kind: 'fact', fact: 'colour', cue: '?' }, []),
      ['实录中没有给出这个具体信息。'],
    ],
    [
      'too vague, with near topics',
      abstention('美国', 'too_vague', POSITION, ['中美关系', '涉疫滥诉', '中俄关系']),
      ['这个问题太宽泛了，实录中很多回答都谈到它。请问得具体一些，例如：中方如何看待中美关系？', '相近的话题：中美关系、涉疫滥诉、中俄关系'],
    ],
    [
      'nothing to look up',
      abstention('请问', 'empty_question', POSITION, []),
      ['没有从问题中读出要查找的话题。请问得具体一些，例如：中方如何看待中美关系？'],
    ],
    ...(['no_candidate', 'low_coverage', 'ambiguous', undefined] as const).map(
      (reason): [string, Answer, string[]] => [
        `${reason ?? 'no decision'}, nothing near`,
        abstention('帮我写一首诗', reason, POSITION, []),
        ['没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。', '可以换个说法，或者问一个更具体的外交话题。'],
      ],
    ),
    [
      'no match, near topics: at most three, each once',
      abstention('中欧', 'low_coverage', POSITION, ['中美关系', '中美关系', '中欧关系', '中俄关系', '病毒溯源']),
      ['没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。', '相近的话题：中美关系、中欧关系、中俄关系'],
    ],
  ])('GIVEN %s THEN exactly why, then what instead', (_, answer, lines) => {
    expect(describeAbstention(answer)).toEqual(lines);
  });

  it('GIVEN a topic hint THEN it follows each list of topics, and only those', () => {
    const hint = { topicHint: '（可用 /topic 查看）' };
    expect(describeAbstention(abstention('美国', 'too_vague', POSITION, ['中美关系']), hint)).toEqual([
      '这个问题太宽泛了，实录中很多回答都谈到它。请问得具体一些，例如：中方如何看待中美关系？',
      '相近的话题：中美关系（可用 /topic 查看）',
    ]);
    expect(describeAbstention(abstention('帮我写一首诗', 'no_candidate', POSITION, []), hint)).toEqual([
      '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。',
      '可以换个说法，或者问一个更具体的外交话题。',
    ]);
  });

  it.each([
    ['俄罗斯对中俄关系怎么看', ['实录中只有中方的表态，没有俄罗斯的看法。', '可以提供中方在相近话题上的表态：中俄关系']],
    ['中美关系什么时候开始恶化的', ['实录中没有给出这个具体日期或时间。', '实录中有这个话题的官方表态：中美关系、中俄关系']],
    ['请问', ['没有从问题中读出要查找的话题。请问得具体一些，例如：中方如何看待中美关系？']],
  ])('GIVEN the seed index asked %s THEN search abstains and the reply says why', (question, lines) => {
    expect(describeAbstention(answerQuestion(seedIndex(), question))).toEqual(lines);
  });
});

describe('partyAsTyped', () => {
  it.each([
    ['How did the US respond?', 'the us', 'the US'],
    ['俄羅斯對中俄關係怎麼看', '俄罗斯', '俄羅斯'],
    ['美方怎么评价', '美方', '美方'],
    ['ＵＳ怎么看', 'us', 'ＵＳ'],
    ['不在问题里', '美国', '美国'],
    ['anything', '', ''],
  ])('partyAsTyped(%j, %j) → %j', (question, party, typed) => {
    expect(partyAsTyped(question, party)).toBe(typed);
  });
});
