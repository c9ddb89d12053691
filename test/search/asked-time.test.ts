import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { orderByTime } from '../../src/search/asked-time.js';
import { decide, rankCandidates } from '../../src/search/answer.js';
import { describeAbstention } from '../../src/present/abstention.js';
import { formatAnswerText } from '../../src/present/text.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { OTHER_ANSWERS, peninsulaBriefings, reefBriefings, writeBriefings } from '../archive/helpers.js';

const analyzer = createDefaultAnalyzer();
const { index: file } = buildIndex(readSources(writeBriefings([...reefBriefings(), ...peninsulaBriefings()])), PROJECT_ROOT, analyzer);
const index = createSearchIndex(file, analyzer);
const reef = (date: string) => `${date}-regular#2`;

describe('GIVEN an archive whose reef line was said from 2016 to 2023', () => {
  it.each([
    ['南沙岛礁建设', reef('2023-02-20'), undefined, 'latest'],
    ['2019年中方对南沙岛礁建设的立场', reef('2019-03-04'), { from: 2019, to: 2019 }, 'relevance'],
    ['南沙岛礁建设 2017', reef('2017-07-12'), { from: 2017, to: 2017 }, 'relevance'],
    ['2016-2019年南沙岛礁建设', reef('2019-03-04'), { from: 2016, to: 2019 }, 'relevance'],
    ['What did China say about the South China Sea in 2021?', reef('2021-08-16'), { from: 2021, to: 2021 }, 'relevance'],
    ['最新的南沙岛礁建设表态', reef('2023-02-20'), undefined, 'latest'],
    ['当时中方怎么说南沙岛礁建设', reef('2023-02-20'), undefined, 'latest'],
  ])('WHEN asked %j THEN %s is quoted (period %j, chosen %s)', (question, unitId, period, chosen) => {
    const answer = answerQuestion(index, question);
    expect(answer.status).toBe('answered');
    expect(answer.answer!.unitId).toBe(unitId);
    expect(answer.period).toEqual(period);
    expect(answer.occurrences?.chosen).toBe(chosen);
  });

  it('WHEN a year is asked THEN its words are no topic words: the terms are those of the question without it', () => {
    const terms = (question: string) => answerQuestion(index, question).analysis!.terms.map((term) => term.term);
    expect(terms('2019年南沙岛礁建设')).toEqual(terms('南沙岛礁建设'));
    expect(terms('去年南沙岛礁建设')).toEqual(terms('南沙岛礁建设'));
  });

  it('WHEN 去年 is asked THEN it counts from the newest transcript (2023), not the clock: 2022 has no statement, so the nearest time is quoted and the reply says so', () => {
    const answer = answerQuestion(index, '去年中方对南沙岛礁建设的立场');
    expect(answer.status).toBe('answered');
    expect(answer.period).toEqual({ from: 2022, to: 2022 });
    expect(answer.outsidePeriod).toEqual({ date: '2023-02-20' });
    expect(formatAnswerText(answer, file)).toContain('在2022年的记录中没有找到这方面的表态；以下是2023-02-20的表态。');
  });

  it('WHEN the /ask 时间 option names a period with no statement THEN no quote, and the reply says so', () => {
    const answer = answerQuestion(index, '中方对南沙岛礁建设的立场', { period: { from: 2022, to: 2022 } });
    expect(answer.status).toBe('no_match');
    expect(describeAbstention(answer)[0]).toBe('在2022年的记录中没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。');
    expect(formatAnswerText(answer, file).split('\n')[0]).toBe(describeAbstention(answer)[0]);
  });

  it('WHEN the question names a period THEN a different answer of another period is no rival to the first of that period', () => {
    const ranking = rankCandidates(index, '中方对南沙岛礁建设的立场');
    const doc = (id: string) => index.docs.find((candidate) => candidate.kind === 'unit' && candidate.unit.id === id)!;
    // Two different answers about as good: the 2019 reef line and another answer of 2021.
    const candidates = [reef('2019-03-04'), '2021-08-16-regular#1'].map((id) => ({ doc: doc(id), score: 1, coverage: 0.9, relevance: 1 }));
    expect(decide(index, { ...ranking, candidates }).reason).toBe('ambiguous');
    const in2019 = (candidate: (typeof index.docs)[number]) => candidate.kind === 'unit' && candidate.unit.source.startsWith('2019');
    expect(decide(index, { ...ranking, candidates, preferred: in2019 })).toMatchObject({ accepted: true, margin: 1 });
    // Of the same period, it stays a rival.
    expect(decide(index, { ...ranking, candidates, preferred: () => true }).reason).toBe('ambiguous');
  });

  it('WHEN the caller gives a period (the /ask 时间 option) THEN it wins over the question’s own words', () => {
    const answer = answerQuestion(index, '2023年南沙岛礁建设', { period: { from: 2016, to: 2017 } });
    expect(answer.answer!.unitId).toBe(reef('2017-07-12'));
    expect(answer.period).toEqual({ from: 2016, to: 2017 });
  });

  it('WHEN a period is asked THEN the filter applies before the rerank depth: the other line’s early years are found', () => {
    const answer = answerQuestion(index, '2011年中方对半岛形势的看法');
    expect(answer.answer!.source).toBe('2011-03-11-regular');
  });
});

describe('orderByTime', () => {
  const ranking = rankCandidates(index, '南沙岛礁建设');
  const sources = (candidates: typeof ranking.candidates) => candidates.map((candidate) => candidate.doc.kind === 'unit' ? candidate.doc.unit.source : '');

  it('GIVEN candidates of equal relevance THEN the newest comes first; others keep their order', () => {
    const tied = { ...ranking, candidates: ranking.candidates.slice(0, 3).map((candidate) => ({ ...candidate, relevance: 1 })) };
    const ordered = orderByTime(index, tied, { kind: 'any' });
    expect(sources(ordered.candidates)).toEqual([...sources(tied.candidates)].sort().reverse());
    const unequal = { ...ranking, candidates: ranking.candidates.slice(0, 3).map((candidate, i) => ({ ...candidate, relevance: 3 - i })) };
    expect(orderByTime(index, unequal, { kind: 'any' }).candidates).toEqual(unequal.candidates);
  });

  it('GIVEN 最近 THEN the near-best are ordered newest first, and a far weaker candidate stays behind', () => {
    const [a, b, c] = ranking.candidates;
    const candidates = [
      { ...a!, coverage: 1, relevance: 10 },
      { ...b!, coverage: 0.95, relevance: 8 },
      { ...c!, coverage: 0.5, relevance: 9 },
    ];
    const ordered = orderByTime(index, { ...ranking, candidates }, { kind: 'latest', cues: [] }).candidates;
    expect(ordered.at(-1)).toBe(candidates[2]);
    expect(sources(ordered.slice(0, 2))).toEqual(sources(candidates.slice(0, 2)).sort().reverse());
  });
});

describe('GIVEN a figure given at two conferences, each of the year before it (去年中非贸易额…)', () => {
  const other = (i: number) => ({ outlet: '路透社', question: '中方对此有何评论？', paragraphs: [OTHER_ANSWERS[i]!] });
  const trade = (date: string, figure: string) => ({
    name: `${date}-regular`,
    date,
    exchanges: [{ outlet: '新华社', question: '请介绍中非经贸合作情况。', paragraphs: [`去年中非贸易额达到${figure}亿美元，中国连续多年保持非洲第一大贸易伙伴国地位。`] }, other(0), other(1)],
  });
  const analyzer = createDefaultAnalyzer();
  const built = buildIndex(readSources(writeBriefings([trade('2018-03-08', '1700'), trade('2019-03-08', '2040')])), PROJECT_ROOT, analyzer);
  const tradeIndex = createSearchIndex(built.index, analyzer);

  it.each([
    ['2017年中非贸易额多少', '1700'],
    ['2018年中非贸易额是多少', '2040'],
  ])('WHEN asked %j THEN the conference that gives that year’s figure is quoted (%s)', (question, figure) => {
    const answer = answerQuestion(tradeIndex, question);
    expect(answer.status).toBe('answered');
    expect(answer.answer!.paragraphs.join('')).toContain(figure);
  });

  it('WHEN asked the figure of a year neither gives THEN no quote: the record does not state it for that year', () => {
    const answer = answerQuestion(tradeIndex, '2015年中非贸易额多少');
    expect(answer.status).toBe('no_match');
    expect(answer.decision?.reason).toBe('fact_not_stated');
  });

  it('WHEN the /ask 时间 option names a year THEN the statements of that year answer, whatever year their figure is of', () => {
    const answer = answerQuestion(tradeIndex, '中非贸易额多少', { period: { from: 2019, to: 2019 } });
    expect(answer.status).toBe('answered');
    expect(answer.answer!.paragraphs.join('')).toContain('2040');
  });
});
