import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIndexFile } from '../../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { rankCandidates } from '../../src/search/answer.js';
import type { Answer } from '../../src/types.js';
import { SEED_INDEX_PATH, seedIndex } from './helpers.js';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { OTHER_ANSWERS, writeBriefings } from '../archive/helpers.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const index = seedIndex();

/** Exchanges on other topics, so that the index has some to tell apart. */
const OTHER_EXCHANGES = OTHER_ANSWERS.map((answer, i) => ({ outlet: '新华社', question: `第${i + 1}个问题：${answer.slice(0, 8)}？`, paragraphs: [answer] }));

/** An index over briefings written to a temporary folder (see test/archive/helpers.ts). */
function briefingsIndex(briefings: Parameters<typeof writeBriefings>[0]) {
  const analyzer = createDefaultAnalyzer();
  return createSearchIndex(buildIndex(readSources(writeBriefings(briefings)), PROJECT_ROOT, analyzer).index, analyzer);
}

function answeredText(answer: Answer): string {
  return answer.answer?.paragraphs.join('') ?? '';
}

describe('answerQuestion: answered', () => {
  it.each([
    ['中方如何评价当前的中美关系？', '谎言录'],
    ['俄罗斯那边现在跟中国关系咋样', '普京总统'],
    ['谎言录', '谎言录'],
    ['中国派了几支医疗专家组出去', '26支医疗专家组'],
    ['针对中国的疫情诉讼有法律依据吗？', '三无产品'],
    ['病毒溯源应该如何进行？', '真相与谎言的距离'],
    ['中日韩三国如何推动复工复产？', '一衣带水'],
    ['欧洲是不是把中国当对手了', '淘汰赛'],
    ['记者会开场时王毅说了什么？', '至暗时刻'],
  ])('GIVEN %s THEN the answer is the unit containing %s', (question, expected) => {
    const answer = answerQuestion(index, question);
    expect(answer.status).toBe('answered');
    expect(answeredText(answer)).toContain(expected);
  });

  it.each([
    ['中方怎麼看歐洲', '中方怎么看欧洲'],
    ['中美關係是否正在走向新冷戰？', '中美关系是否正在走向新冷战？'],
    ['針對中國的濫訴有沒有法律依據？', '针对中国的滥诉有没有法律依据？'],
    ['中俄關係現在怎麼樣？', '中俄关系现在怎么样？'],
  ])('GIVEN traditional %s THEN the answer is the same as for simplified %s', (traditional, simplified) => {
    const fromTraditional = answerQuestion(index, traditional);
    const fromSimplified = answerQuestion(index, simplified);
    expect(fromTraditional.status).toBe('answered');
    expect(fromTraditional.answer?.unitId).toBe(fromSimplified.answer?.unitId);
    expect(fromTraditional.answer?.confidence).toBe(fromSimplified.answer?.confidence);
  });

  it.each([
    ['What does China think of the new Cold War with the US?', '谎言录'],
    ['How are China-Russia relations?', '普京总统'],
    ['Is the EU a systemic rival of China?', '淘汰赛'],
  ])('GIVEN the English question %s THEN the Chinese official answer contains %s', (question, expected) => {
    expect(answeredText(answerQuestion(index, question))).toContain(expected);
  });

  it('GIVEN an answer THEN its paragraphs are the unit, source text, and the best paragraph holds the query', () => {
    const answer = answerQuestion(index, '中国为多少个国家举办过卫生专家视频会议？');
    const unit = index.file.units.find((candidate) => candidate.id === answer.answer?.unitId);
    expect(answer.answer?.paragraphs).toEqual(unit?.paragraphs);
    expect(answer.answer?.paragraphs[answer.answer.bestParagraph]).toContain('视频会议');
    expect(answer.answer?.reporterQuestion).toBe(unit?.question);
    expect(answer.unansweredQuestion).toBeNull();
  });
});

describe('answerQuestion: unanswered', () => {
  it.each([['涉港国安立法会影响香港的金融中心地位吗？'], ['香港国安立法会不会让美国报复？'], ['香港还能保住国际金融中心的地位吗']])(
    'GIVEN %s THEN the transcript holds the question without an answer, and says which',
    (question) => {
      const answer = answerQuestion(index, question);
      expect(answer.status).toBe('unanswered');
      expect(answer.answer).toBeNull();
      expect(answer.unansweredQuestion).toContain('涉港国安立法');
    },
  );
});

describe('answerQuestion: no_match', () => {
  it.each([
    ['中国如何看待英国脱欧？'],
    ['今天股票行情怎么样'],
    ['帮我写一首诗'],
    ['明天会下雨吗？'],
    ['北京明天天气怎么样？'],
    ['今天天气怎么样'],
    ['中国男足什么时候能进世界杯'],
    ['中国如何看待人工智能的发展？'],
    ['What do you think about Brexit?'],
    ['asdfghjkl qwerty'],
    ['啊啊啊啊啊啊'],
    ['😀😀😀'],
    ['的了吗呢'],
    [''],
    ['   '],
  ])('GIVEN %j THEN no answer is given', (question) => {
    const answer = answerQuestion(index, question);
    expect(answer.status).toBe('no_match');
    expect(answer.answer).toBeNull();
    expect(answer.unansweredQuestion).toBeNull();
  });

  it.each([
    ['疫情', true],
    ['美国', true],
    ['中国', false],
    ['病毒', false],
  ])('GIVEN the lone common word %s THEN too vague to answer: no_match (closest topics listed: %s)', (question, listed) => {
    const answer = answerQuestion(index, question);
    expect(answer.status).toBe('no_match');
    expect(answer.alternatives.length > 0).toBe(listed);
  });

  it('GIVEN a huge question THEN it answers without throwing', () => {
    expect(answerQuestion(index, '中美关系'.repeat(100_000)).question).toHaveLength(400_000);
  });

  it('never throws on any string, and keeps its outputs in range', () => {
    fc.assert(
      fc.property(fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 100 }),
          // Mixtures of the corpus's own words reach the answered path.
          fc.array(fc.constantFrom('中美', '关系', '疫情', '溯源', '俄罗斯', '香港', '援助', '如何', 'WHO', '歐洲', '？'), { maxLength: 12 }).map((words) => words.join('')),
        ), (question) => {
        const answer = answerQuestion(index, question);
        expect(answer.question).toBe(question);
        if (answer.answer) {
          // No text invented: the answer is a unit of the file, paragraphs untouched.
          const unit = index.file.units.find((candidate) => candidate.id === answer.answer?.unitId);
          expect(answer.answer.paragraphs).toBe(unit?.paragraphs);
          expect(answer.answer.confidence).toBeGreaterThanOrEqual(0);
          expect(answer.answer.confidence).toBeLessThanOrEqual(1);
          expect(answer.answer.bestParagraph).toBeLessThan(answer.answer.paragraphs.length);
        }
        expect(answer.alternatives.length).toBeLessThanOrEqual(index.options.maxAlternatives);
      }),
      { numRuns: 200 },
    );
  });
});

describe('answerQuestion on the bundled index (whatever ingest produced)', () => {
  const bundled = createSearchIndex(readIndexFile(), createDefaultAnalyzer());

  it.each([
    ['谎言录', '谎言录'],
    ['中日韩', '一衣带水'],
    ['滥诉', '三无产品'],
    ['中欧关系的主基调是什么？', '淘汰赛'],
  ])('GIVEN %s THEN the answer contains %s', (question, expected) => {
    expect(answeredText(answerQuestion(bundled, question))).toContain(expected);
  });

  it.each([['帮我写一首诗'], ['中国如何看待英国脱欧？']])('GIVEN the out-of-scope %s THEN no_match', (question) => {
    expect(answerQuestion(bundled, question).status).toBe('no_match');
  });

  it('GIVEN the Hong Kong question THEN unanswered', () => {
    expect(answerQuestion(bundled, '涉港国安立法会影响香港的金融中心地位吗？').status).toBe('unanswered');
  });
});

describe('rankCandidates: words no unit contains', () => {
  it('GIVEN a question with a word the corpus never uses THEN a verb or idiom of the asker weighs less than a thing the record never names', () => {
    const weightOf = (question: string, term: string) => rankCandidates(seedIndex(), question).concepts.find((concept) => concept.term === term)?.weight ?? NaN;
    // Both absent from the seed; 闹别扭 (how the asker says it) counts half, 葡萄酒 (what is asked about) in full.
    const analyzer = seedIndex().analyzer;
    expect(weightOf('中澳闹别扭', '闹别扭') / analyzer.specificity('闹别扭')).toBeCloseTo(weightOf('中澳葡萄酒', '葡萄酒') / analyzer.specificity('葡萄酒') / 2, 5);
  });

  it('GIVEN an English word nothing translates THEN an adverb or adjective weighs half, a name the lexicon does not know in full', () => {
    const weightOf = (question: string, term: string) => rankCandidates(seedIndex(), question).concepts.find((concept) => concept.term === term)?.weight ?? NaN;
    const analyzer = seedIndex().analyzer;
    const adverb = weightOf('Has China already answered the lawsuits?', 'already') / analyzer.specificity('already');
    const name = weightOf('Has China answered the Myitsone lawsuits?', 'myitsone') / analyzer.specificity('myitsone');
    expect(adverb).toBeCloseTo(name / 2, 5);
  });
});

describe('answerQuestion: what a wh-question asks of an event', () => {
  it('GIVEN the thing asked for (哪些医院) the unit never names THEN no quote, and the decision says what is missing', () => {
    const answer = answerQuestion(seedIndex(), '中国帮非洲最后建了哪些医院');
    expect(answer.status).toBe('no_match');
    expect(answer.decision?.reason).toBe('detail_not_stated');
    expect(answer.analysis?.asked).toEqual(['医院']);
  });

  it('GIVEN the thing asked for (哪些医疗队) the unit names THEN the unit is quoted', () => {
    const answer = answerQuestion(seedIndex(), '中国给非洲最后派了哪些医疗队');
    expect(answer.status).toBe('answered');
    expect(answer.analysis?.asked).toEqual(['医疗队']);
    expect(answer.answer?.paragraphs.join('')).toContain('医疗队');
  });
});

describe('answerQuestion: a speaker the question names', () => {
  it('GIVEN two statements on a subject, one by the speaker named and one that names that speaker THEN the speaker’s own is quoted', () => {
    const arctic = '北极事务关乎各国共同利益。中方作为北极事务的重要利益攸关方，愿同各方一道开展北极科研合作。';
    const index = briefingsIndex([
      { name: '2019-05-10-regular', date: '2019-05-10', speaker: '林明', exchanges: [...OTHER_EXCHANGES, { outlet: '路透社', question: '张华外长此前谈到北极事务。中方对北极合作有何考虑？', paragraphs: [`张华外长已就此阐述中方立场。${arctic}张华外长还表示，北极事务应由各方共同商量。`] }] },
      { name: '2019-03-08-minister', date: '2019-03-08', speaker: '张华', exchanges: [{ outlet: '新华社', question: '中方如何看待北极事务？', paragraphs: ['北极的未来关乎人类共同命运。中方愿以科研合作为重点，为北极的和平与可持续发展作出贡献。'] }] },
    ]);
    const answer = answerQuestion(index, '张华怎么谈北极事务的');
    expect(answer.status).toBe('answered');
    expect(answer.answer?.speaker).toBe('张华');
  });
});

describe('answerQuestion: one calibration for yes-or-no questions about an action, one for the others', () => {
  it('GIVEN a yes-or-no question THEN its answer and alternatives are calibrated by whetherCalibration; another question by calibration', () => {
    const file = readIndexFile(SEED_INDEX_PATH);
    const base = seedIndex().options;
    const doubting = createSearchIndex(file, createDefaultAnalyzer(), { ...base, whetherCalibration: [[0, 0.1], [1, 0.1]] });
    const whether = answerQuestion(doubting, '疫情会让世界倒退回过去吗？');
    expect(whether.analysis?.whether).toBeDefined();
    expect(whether.status).toBe('no_match');
    expect(whether.decision?.reason).toBe('low_confidence');
    expect(whether.alternatives.every((alternative) => alternative.confidence === 0.1)).toBe(true);
    expect(answerQuestion(seedIndex(), '疫情会让世界倒退回过去吗？').status).toBe('answered');
    const other = answerQuestion(doubting, '中方如何评价当前的中美关系？');
    expect(other.analysis?.whether).toBeUndefined();
    expect(other.status).toBe('answered');
  });
});

describe('answerQuestion: whether an action will be taken', () => {
  // The check on its own: with one calibration for every question, these questions reach it
  // (whetherCalibration alone would refuse some of them earlier, as low_confidence).
  let plain: ReturnType<typeof seedIndex> | undefined;
  const oneCalibration = () => (plain ??= createSearchIndex(readIndexFile(SEED_INDEX_PATH), createDefaultAnalyzer(), { ...seedIndex().options, whetherCalibration: [] }));

  it('GIVEN a yes-or-no question about an action the unit never speaks of THEN no quote, and the decision says why', () => {
    const answer = answerQuestion(oneCalibration(), '中国会不会暂停向美国出口口罩');
    expect(answer.status).toBe('no_match');
    expect(answer.decision?.reason).toBe('action_not_stated');
    expect(answer.analysis?.whether).toEqual({ cue: '会不会', action: '暂停向美国出口口罩', verb: '出口', agent: '中国' });
  });

  it('GIVEN whether something was done (有没有 before a verb) THEN quoted only where the unit speaks of that action', () => {
    const notDone = answerQuestion(oneCalibration(), '中国有没有暂停向美国出口口罩');
    expect(notDone.status).toBe('no_match');
    expect(notDone.decision?.reason).toBe('action_not_stated');
    const done = answerQuestion(oneCalibration(), '中國抗疫援助有沒有附加政治條件');
    expect(done.status).toBe('answered');
    expect(done.answer?.paragraphs.join('')).toContain('附加任何政治条件');
  });

  it('GIVEN whether something was done (投了…吗) THEN quoted only where the answer itself speaks of it, not where only the reporter asked it', () => {
    const question = '安理会今天表决对某国的制裁决议草案，中方是否投了赞成票？';
    const index = briefingsIndex([
      { name: '2017-09-11-regular', date: '2017-09-11', exchanges: [...OTHER_EXCHANGES, { outlet: '路透社', question, paragraphs: ['中方将本着负责任的态度参与磋商，立场我们会在适当时候阐明。'] }] },
      { name: '2017-09-12-regular', date: '2017-09-12', exchanges: OTHER_EXCHANGES },
    ]);
    const asked = answerQuestion(index, '制裁决议表决 中方最后投了赞成票吗');
    expect(asked.status).toBe('no_match');
    expect(asked.decision?.reason).toBe('action_not_stated');
    const stated = briefingsIndex([
      { name: '2017-09-12-regular', date: '2017-09-12', exchanges: [...OTHER_EXCHANGES, { outlet: '路透社', question, paragraphs: ['中方对决议草案投了赞成票，支持安理会作出必要反应。'] }] },
    ]);
    expect(answerQuestion(stated, '制裁决议表决 中方最后投了赞成票吗').status).toBe('answered');
  });

  it('GIVEN the action towards a party the unit never names THEN no quote (the same action towards another party is another matter)', () => {
    // The seed's lawsuit unit speaks of 索赔 by and against the United States, never of Britain.
    const answer = answerQuestion(oneCalibration(), '中方是否会向英国索赔');
    expect(answer.status).toBe('no_match');
    expect(answer.decision?.reason).toBe('action_not_stated');
  });
});
