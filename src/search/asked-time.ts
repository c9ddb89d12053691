import type { Answer } from '../types.js';
import type { Candidate, Ranking } from './answer.js';
import { inPeriod, readAskedTime, type AskedTime, type Period } from './dates.js';
import type { SearchDoc, SearchIndex } from './search-index.js';

/**
 * The time a question asks about, applied to the ranking: the /ask `时间` option keeps only the
 * documents of its years (a filter on the candidates); a year the question names is a
 * preference, not a filter (it may date the event asked about rather than the statement: 朝鲜
 * 2016年初核试验，中国当时的态度), so the near-best candidates of that period come first;
 * 最近/最新 puts the newest of the near-best first; with no time asked, candidates that tie are
 * ordered newest first. See src/search/dates.ts for how the time is read.
 */

/** How `answerQuestion` is asked. */
export interface AnswerOptions {
  /** Only statements of these years (the /ask `时间` option); wins over a time the question names. */
  period?: Period;
}

/** A question's time, ready for ranking. */
export interface TimeAsked {
  time: AskedTime;
  /** The question without the words that say when: what is ranked. */
  rest: string;
  /** Only documents of the asked period, when one was given as an option. */
  accept?: (doc: SearchDoc) => boolean;
  /** Documents of the period the question names: preferred among the near-best. */
  prefer?: (doc: SearchDoc) => boolean;
  /** Only occurrence dates of the asked period, when one was asked (for quoteLatestOccurrence). */
  acceptDate?: (date: string | null) => boolean;
  /** What the answer says of it: the period asked, when one was. */
  explained: Pick<Answer, 'period'>;
}

/** Among the best candidates, those whose coverage is within this much of the best one's are "near-best" for 最近/最新. */
const LATEST_COVERAGE_SLACK = 0.1;
/** Relevances this close (relative) are a tie, broken by recency. */
const TIE = 1e-9;

/**
 * Reads the time of a question for this index (relative years count from its newest source),
 * or takes `options.period` when given, and what ranking needs of it.
 *
 * @example askTime(index, '2019年中方对南海问题的立场').explained // → { period: { from: 2019, to: 2019 } }
 */
export function askTime(index: SearchIndex, question: string, options: AnswerOptions = {}): TimeAsked {
  const { dates, newestYear } = datesOf(index);
  const reading = readAskedTime(question, newestYear);
  const time: AskedTime = options.period === undefined ? reading.time : { kind: 'period', period: options.period, cues: [] };
  if (time.kind !== 'period') return { time, rest: reading.rest, explained: {} };
  const { period } = time;
  const sourceOf = (doc: SearchDoc) => (doc.kind === 'unit' ? doc.unit.source : doc.unanswered.source);
  const inAsked = (doc: SearchDoc) => inPeriod(dates.get(sourceOf(doc)) ?? null, period);
  return {
    time,
    rest: reading.rest,
    ...(options.period === undefined ? { prefer: inAsked } : { accept: inAsked }),
    acceptDate: (date) => inPeriod(date, period),
    explained: { period },
  };
}

/**
 * Orders the candidates for the time asked: 最近/最新 puts the near-best (coverage within
 * LATEST_COVERAGE_SLACK of the best, relevance at least half of it) newest first; otherwise
 * candidates of equal relevance are ordered newest first. The order is otherwise kept.
 */
export function orderByTime(index: SearchIndex, ranking: Ranking, time: AskedTime, prefer?: (doc: SearchDoc) => boolean): Ranking {
  const { dates } = datesOf(index);
  const dateOf = (candidate: Candidate) => dates.get(candidate.doc.kind === 'unit' ? candidate.doc.unit.source : candidate.doc.unanswered.source) ?? '';
  const newerFirst = (a: Candidate, b: Candidate) => (dateOf(a) === dateOf(b) ? 0 : dateOf(a) > dateOf(b) ? -1 : 1);
  const [best] = ranking.candidates;
  if (best === undefined) return ranking;
  const near = (candidate: Candidate) => candidate.coverage >= best.coverage - LATEST_COVERAGE_SLACK && candidate.relevance >= best.relevance / 2;
  if (prefer !== undefined) {
    // The period asked wins among the candidates that cover the question about as well as the best.
    const preferred = ranking.candidates.filter((candidate) => candidate.coverage >= best.coverage - LATEST_COVERAGE_SLACK && prefer(candidate.doc));
    return { ...ranking, candidates: [...preferred, ...ranking.candidates.filter((candidate) => !preferred.includes(candidate))], preferred: prefer };
  }
  if (time.kind === 'latest') {
    const nearBest = ranking.candidates.filter(near).sort(newerFirst);
    return { ...ranking, candidates: [...nearBest, ...ranking.candidates.filter((candidate) => !near(candidate))] };
  }
  const tied = (a: Candidate, b: Candidate) => Math.abs(a.relevance - b.relevance) <= TIE * Math.max(a.relevance, b.relevance);
  const candidates = [...ranking.candidates].sort((a, b) => (tied(a, b) ? newerFirst(a, b) : b.relevance - a.relevance));
  return { ...ranking, candidates };
}

/** The date of a source of the index (ISO), or null when it has none. */
export function sourceDateOf(index: SearchIndex, source: string): string | null {
  return datesOf(index).dates.get(source) ?? null;
}

/** The year of the index's newest dated source (what 去年 and 今年 count from), or null. */
export function newestYearOf(index: SearchIndex): number | null {
  return datesOf(index).newestYear;
}

const datesByIndex = new WeakMap<SearchIndex, { dates: Map<string, string | null>; newestYear: number | null }>();

/** Each source's date, and the year of the newest. */
function datesOf(index: SearchIndex): { dates: Map<string, string | null>; newestYear: number | null } {
  let cached = datesByIndex.get(index);
  if (cached === undefined) {
    const dates = new Map(index.file.sources.map((source) => [source.id, source.date]));
    const years = [...dates.values()].filter((date): date is string => date !== null).map((date) => Number(date.slice(0, 4)));
    cached = { dates, newestYear: years.length === 0 ? null : Math.max(...years) };
    datesByIndex.set(index, cached);
  }
  return cached;
}
