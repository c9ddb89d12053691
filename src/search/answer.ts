import type { Answer, AnswerDecision, AnswerHit } from '../types.js';
import { analyzeQuery, type QueryConcept } from './query.js';
import { factCheck, yearsSpoken } from './facts.js';
import { PARTS_CREDIT, partsShare, presence } from './presence.js';
import { queryAids } from './query-aids.js';
import { calibrate, type CalibrationTable } from './calibration.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { documentContains, foldedAnswer, foldedParagraphs, type SearchDoc, type SearchIndex } from './search-index.js';
import { rankTop } from './postings.js';
import { charBigrams, englishPartsOfSpeech, normalizeForMatching } from '../text/index.js';
import { quoteLatestOccurrence, sharesLine } from '../archive/occurrences.js';
import { askTime, orderByTime, sourceDateOf, type AnswerOptions } from './asked-time.js';
import type { AskedTime } from './dates.js';

/** Longest question analysed; the rest of a longer text is ignored (Discord caps input anyway). */
export const MAX_QUESTION_CHARS = 2000;

/** A concept of the query with its weight (see weighConcepts). */
export interface WeightedConcept extends Omit<QueryConcept, 'parts'> {
  weight: number;
  /** The concept's parts, each weighed like a concept of its own (only their share of the whole counts). */
  parts?: readonly { term: string; alternatives: readonly string[]; weight: number }[];
}

/** A document ranked for a question, with the evidence used to decide. */
export interface Candidate {
  doc: SearchDoc;
  /** minisearch BM25 score over the weighted fields. */
  score: number;
  /** 0..1: IDF-weighted share of the query's concepts found in the document. */
  coverage: number;
  /** score × coverage²: the ranking key (a unit holding part of the question ranks lower than BM25 alone says). */
  relevance: number;
}

/** What `rankCandidates` returns: the weighted concepts and the best documents, best first. */
export interface Ranking {
  concepts: WeightedConcept[];
  english: boolean;
  /** What the question asks. */
  question: QuestionAnalysis;
  /**
   * How much the question says: the sum of its concept weights over the IDF of a word found
   * in one document only (so one rare, specific word ≈ 1; a lone 疫情 or 美国 < 0.2).
   */
  information: number;
  candidates: Candidate[];
  /**
   * The documents of the period the question names, when it names one (asked-time.ts): put
   * first, and a document of another period is no rival to them (the question says which time).
   */
  preferred?: (doc: SearchDoc) => boolean;
}

/** BM25's inverse document frequency (never negative); a term in no document gets the highest weight. */
function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Weight of each concept: how well it tells units apart in this index (BM25 IDF; a concept is
 * as common as its most common form, so 美方 weighs what 美国 weighs) times how specific the
 * word is in Chinese at large (jieba's IDF, relative to its mean). The second factor keeps a
 * generic word (原则, 结果, 进行) that no unit happens to contain from weighing like a name.
 */
function weighConcepts(index: SearchIndex, concepts: readonly QueryConcept[]): WeightedConcept[] {
  const documentCount = Math.max(1, index.docs.length);
  const weigh = (concept: Pick<QueryConcept, 'term' | 'alternatives' | 'discount'>): number => {
    const frequency = Math.max(...concept.alternatives.map((term) => index.documentFrequency.get(term) ?? 0));
    const absent = frequency === 0 ? absentWordFactor(index, concept.term) : 1;
    return inverseDocumentFrequency(frequency, documentCount) * index.analyzer.specificity(concept.term) * (concept.discount ?? 1) * absent;
  };
  return concepts.map(({ parts, ...concept }) => ({
    ...concept,
    weight: weigh(concept),
    ...(parts ? { parts: parts.map((part) => ({ ...part, weight: weigh(part) })) } : {}),
  }));
}

/** What a word the corpus never uses weighs when it says how (a verb, an adjective, an idiom) rather than what. */
const ABSENT_PREDICATE_FACTOR = 0.5;

/**
 * A word no document contains is either a thing the record never mentions (葡萄酒, a name: the
 * question asks about something else) or the user's own way of saying an action or a quality
 * the record words otherwise (晃悠, 闹别扭, 别有用心): by jieba's part of speech, the first kind
 * weighs in full, the second by ABSENT_PREDICATE_FACTOR.
 */
function absentWordFactor(index: SearchIndex, term: string): number {
  // An English word no dictionary translated: by its commonest part of speech in English
  // (already, exactly: adverbs; cited, wild: a verb, an adjective); a name or an acronym the
  // lexicon does not know weighs in full.
  if (/^[a-z][a-z'-]*$/u.test(term)) return /^(?:RB|JJ|VB)/u.test(englishPartsOfSpeech(term)[0] ?? '') ? ABSENT_PREDICATE_FACTOR : 1;
  const tags = index.analyzer.tag(term);
  if (tags.length !== 1) return 1;
  return /^(?:v|vd|vi|vl|a|ad|ag|an|d|z|l|i)$/u.test(tags[0]!.tag) ? ABSENT_PREDICATE_FACTOR : 1;
}

/**
 * Credit (0..1) of one concept in one document:
 * - 1 when a form of it is an indexed word of the document, or when a form too common to be
 *   queried occurs in its text;
 * - `partialMatchCredit` when a form occurs only as characters in a row (jieba cut the two
 *   texts differently) or, for a form of three characters or more, two thirds of its
 *   character bigrams occur;
 * - 0 otherwise.
 */
function conceptCredit(
  concept: WeightedConcept,
  matched: ReadonlySet<string>,
  queried: ReadonlyMap<string, number>,
  doc: SearchDoc,
  partial: number,
): number {
  const own = formCredit(concept, matched, queried, doc, partial);
  if (own >= 1 || !concept.parts) return own;
  return Math.max(own, PARTS_CREDIT * partsShare(concept, (term) => matched.has(term) || documentContains(doc, term)));
}

function formCredit(
  concept: WeightedConcept,
  matched: ReadonlySet<string>,
  queried: ReadonlyMap<string, number>,
  doc: SearchDoc,
  partial: number,
): number {
  if (concept.alternatives.some((term) => matched.has(term))) return 1;
  // A common form was not queried: finding its characters is finding it.
  if (concept.alternatives.some((term) => !queried.has(term) && documentContains(doc, term))) return 1;
  for (const term of concept.alternatives) {
    if (documentContains(doc, term)) return partial;
    if (term.length >= 3) {
      const grams = charBigrams(term);
      const found = grams.filter((gram) => documentContains(doc, gram)).length;
      if (grams.length > 0 && found / grams.length >= 2 / 3) return partial;
    }
  }
  return 0;
}

/**
 * Ranks documents for a question: minisearch (BM25 over the weighted fields question, topic,
 * answer text and people, plus character bigrams of question and topic for words the index
 * does not know) finds candidates; the best `rerankDepth` get their coverage and are ordered
 * by BM25 × coverage². An empty analysis gives no candidates.
 */
export function rankCandidates(index: SearchIndex, text: string, accept?: (doc: SearchDoc) => boolean): Ranking {
  const { concepts: raw, english, question } = analyzeQuery(
    index.analyzer,
    text.slice(0, MAX_QUESTION_CHARS),
    (term) => index.documentFrequency.has(term),
    index.chinaSide,
    queryAids(index),
  );
  const concepts = weighConcepts(index, raw);
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const information = total / inverseDocumentFrequency(1, Math.max(1, index.docs.length));
  if (concepts.length === 0) return { concepts, english, question, information, candidates: [] };
  const { synonymBoost, partialMatchCredit, rerankDepth } = index.options;
  // Each form is boosted by how specific its concept is in Chinese at large (so 中国 in a
  // question about 欧洲 does not decide the ranking), and a synonym less than the typed word.
  const termBoost = new Map<string, number>();
  const commonFrequency = index.options.commonDocumentShare * index.docs.length;
  for (const concept of concepts.flatMap((whole) => [whole, ...(whole.parts ?? [])])) {
    const specificity = index.analyzer.specificity(concept.term);
    for (const term of concept.alternatives) {
      // A form no document contains scores nothing, and a form most documents contain ranks
      // next to nothing (BM25 IDF < 0.7) while costing the most: both stay out of the query.
      const frequency = index.documentFrequency.get(term) ?? 0;
      if (frequency === 0 || frequency > commonFrequency) continue;
      const boost = specificity * (term === concept.term ? 1 : synonymBoost);
      termBoost.set(term, Math.max(boost, termBoost.get(term) ?? 0));
    }
  }
  // On a large index, rank with the rarest forms first and stop at a budget of postings: the
  // forms left out are the most common, which weigh least in BM25 and cost most to score.
  // They still count in coverage (found by substring). Small indexes never reach the budget.
  let postings = 0;
  for (const term of [...termBoost.keys()].sort((a, b) => (index.documentFrequency.get(a) ?? 0) - (index.documentFrequency.get(b) ?? 0))) {
    postings += index.documentFrequency.get(term) ?? 0;
    if (postings > index.options.maxQueryPostings) termBoost.delete(term);
  }
  const words = [...termBoost.keys()];
  // The bigram field is the fallback for words the index does not know (jieba cut them
  // differently in the text); known words need no fallback.
  const unknown = concepts.filter((concept) => concept.term.length >= 3 && !concept.alternatives.some((term) => index.documentFrequency.has(term)));
  const grams = [...new Set(unknown.flatMap((concept) => charBigrams(concept.term)))];
  // The best rerankDepth documents by BM25 over the fields (postings.ts: minisearch's scores and order, by top-k selection).
  const results = rankTop(
    index.postings,
    { words: words.map((term) => ({ term, boost: termBoost.get(term) ?? 0 })), grams, fieldBoosts: index.options.fieldBoosts },
    rerankDepth,
    accept === undefined ? undefined : (position) => accept(index.docs[position]!),
  );
  const candidates: Candidate[] = [];
  for (const result of results) {
    const doc = index.docs[result.doc];
    if (!doc) continue;
    const matched = result.matched;
    const found = concepts.reduce(
      (sum, concept) => sum + concept.weight * conceptCredit(concept, matched, termBoost, doc, partialMatchCredit),
      0,
    );
    const coverage = total > 0 ? found / total : 0;
    candidates.push({ doc, score: result.score, coverage, relevance: result.score * coverage ** 2 });
  }
  candidates.sort((a, b) => b.relevance - a.relevance);
  return { concepts, english, question, information, candidates };
}

/** Index of the paragraph holding most of the query's weight (the first one on a tie). */
export function chooseBestParagraph(doc: SearchDoc, concepts: readonly WeightedConcept[]): number {
  let best = 0;
  let bestScore = -1;
  foldedParagraphs(doc).forEach((paragraph, i) => {
    const score = concepts.reduce((sum, concept) => sum + presence(paragraph, concept) * concept.weight, 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** The decision for a ranking: which candidate, if any, how confident, and why. */
export interface Decision {
  best: Candidate | undefined;
  margin: number;
  confidence: number;
  accepted: boolean;
  reason: AnswerDecision['reason'];
  /** The paragraph to mark: the one stating the fact asked for, or the one holding most of the question. */
  bestParagraph: number;
}

/**
 * Decides whether the best candidate answers the question, from two figures that do not grow
 * with the length of the question (raw BM25 does):
 * - coverage (0..1): the share of the question's weight the best document contains, each
 *   concept weighted by BM25 IDF in this index × jieba's general-language specificity;
 * - margin (0..1): (r₁ − r₂) / r₁ of the ranking key r = BM25 × coverage² of the first two.
 *
 * Accepted when the question says enough (information ≥ minInformation, see Ranking), coverage
 * ≥ minCoverage, and (coverage ≥ sureCoverage or margin ≥ minMargin).
 * confidence = coverage × (0.5 + margin / 2): the coverage, discounted by up to half when the
 * runner-up is as good.
 *
 * How the thresholds were set (seed index, 110 questions: dev 30, extra 43, held-out 37):
 * right answers have coverage ≥ 0.53, out-of-scope questions ≤ 0.38 (英国脱欧对欧洲有什么影响:
 * only 欧洲 found); minCoverage = 0.45 sits in the middle of that gap. No right answer below
 * coverage 0.7 has a margin under 0.68. minMargin = 0.1 below sureCoverage = 0.6 guards
 * against near-ties of partial matches (two units each holding half the question). Above 0.6,
 * a near-tie is refused too unless the two units say a line in common (the same answer at two
 * press conferences: the archive picks the time); two different answers about as good are
 * offered as alternatives instead of quoting either. minInformation = 0.25 refuses a lone common word (疫情 0.09,
 * 美国 0.16, 病毒 0.17: every unit is about it, so any answer would be arbitrary; the closest
 * topics are listed instead) and keeps the least informative real questions of the sets
 * (中美 0.28, 歐洲怎麼看中國 0.48).
 */
export function decide(index: SearchIndex, ranking: Ranking): Decision {
  const [first] = ranking.candidates;
  // The runner-up: of the period the question names when the first is, else the next one.
  const preferred = ranking.preferred;
  const second = first && preferred?.(first.doc) ? ranking.candidates.slice(1).find((candidate) => preferred(candidate.doc)) : ranking.candidates[1];
  if (ranking.concepts.length === 0) return { best: undefined, margin: 0, confidence: 0, accepted: false, reason: 'empty_question', bestParagraph: 0 };
  if (!first) return { best: undefined, margin: 0, confidence: 0, accepted: false, reason: 'no_candidate', bestParagraph: 0 };
  const margin = marginOf(first, second);
  const { minCoverage, sureCoverage, minMargin, minInformation } = index.options.thresholds;
  const confidence = round(calibrate(calibrationFor(index, ranking), confidenceOf(first.coverage, margin)));
  let bestParagraph = chooseBestParagraph(first.doc, ranking.concepts);
  const refuse = (reason: AnswerDecision['reason']): Decision => ({ best: first, margin, confidence, accepted: false, reason, bestParagraph });
  if (ranking.information < minInformation) return refuse('too_vague');
  if (first.coverage < minCoverage) return refuse('low_coverage');
  if (first.coverage < sureCoverage && margin < minMargin) return refuse('ambiguous');
  // Two different answers about as good, however well they cover the question: either could be
  // meant. The same answer said at two press conferences is no rival (the archive picks the time).
  if (margin < minMargin && second && !sameAnswer(index, first.doc, second.doc)) return refuse('ambiguous');
  // A quote is given only where answers as confident were right often enough (calibrated).
  if (confidence < index.options.thresholds.minConfidence) return refuse('low_confidence');
  const intent = ranking.question.intent;
  // The official answers state China's positions: another party's view is not in them.
  if (intent.kind === 'other-view') return refuse('other_party_view');
  // Whether someone will do something is answered only where the unit speaks of that action.
  const whether = ranking.question.whether;
  if (whether && first.doc.kind === 'unit') {
    const actors = ranking.question.actors.map((actor) => actor.text);
    const action = ranking.concepts.filter((concept) => whether.action.includes(concept.term));
    const total = action.reduce((sum, concept) => sum + concept.weight, 0);
    // The reporter's question counts: asked about the action, the answer is about it.
    const held = action.reduce((sum, concept) => sum + presence(first.doc.matchText, concept) * concept.weight, 0);
    if (total > 0 && held / total < MIN_ACTION_COVERAGE) return refuse('action_not_stated');
    // Whether something was done is a fact the answer itself states or not: asked it, the
    // reporter's question is no statement of it.
    if (total > 0 && asksDone(index.analyzer, whether, ranking.question.folded)) {
      const said = foldedAnswer(first.doc);
      const stated = action.reduce((sum, concept) => sum + presence(said, concept) * concept.weight, 0);
      if (stated / total < MIN_ACTION_COVERAGE) return refuse('action_not_stated');
    }
    // Whom the action is done to or with (对日本实施管制, 邀请乌克兰) must be named: the same action
    // towards another party is another matter.
    const parties = action.filter((concept) => actors.includes(concept.term) && concept.term !== whether.agent);
    if (parties.some((party) => presence(first.doc.matchText, party) === 0)) return refuse('action_not_stated');
    // When a party is to take it (中国会不会…), the action's verb (派驻 in 向钱凯港派驻海军) and its
    // first word that names no party (暂停向美国出口口罩, 自己造破冰船) must be there. A trend
    // (中美关系是否走向…) has no agent.
    if (whether.agent) {
      const lead = action
        .filter((concept) => concept.term.length >= 2 && !actors.some((actor) => actor.includes(concept.term) || concept.term.includes(actor)))
        .sort((a, b) => whether.action.indexOf(a.term) - whether.action.indexOf(b.term))[0];
      if (lead && presence(first.doc.matchText, lead) === 0) return refuse('action_not_stated');
      // A verb too common to be a concept (投, 抓) is looked for as it is written.
      if (whether.verb && !namesWord(first.doc.matchText, ranking.concepts, whether.verb)) return refuse('action_not_stated');
      // Whether another party did something is answered only where the unit names that party.
      const agent = ranking.question.actors.find((actor) => actor.text === whether.agent);
      if (agent?.side === 'other' && !first.doc.matchText.includes(normalizeForMatching(agent.text))) return refuse('action_not_stated');
    }
  }
  // What a wh-question asks of an event (签了什么文件) is answered only where the unit speaks of it;
  // a word that is no concept (cut otherwise) is looked for as it is written. The reporter's
  // question counts, as for a whether-question: asked 采取了哪些措施, the answer lists them without
  // the word (on the tuning half, the answer paragraphs alone lost 5 right answers and no false one).
  const asked = ranking.question.asked;
  if (asked && first.doc.kind === 'unit' && !asked.every((word) => namesWord(first.doc.matchText, ranking.concepts, word))) return refuse('detail_not_stated');
  // A fact is answered only where the chosen paragraph states a fact of that kind about the subject.
  if (intent.kind === 'fact' && first.doc.kind === 'unit') {
    const speaker = normalizeForMatching(first.doc.unit.speaker);
    const states = factCheck(index.analyzer, intent, ranking.concepts, ranking.question.folded);
    const stating = foldedParagraphs(first.doc).findIndex((paragraph) => states(paragraph, { speaker }));
    if (stating < 0) return refuse('fact_not_stated');
    bestParagraph = stating;
  }
  return { best: first, margin, confidence, accepted: true, reason: first.doc.kind === 'unit' ? 'answered' : 'unanswered_in_record', bestParagraph };
}

/**
 * True when a text names a word of the question: by the word's concept (its forms and synonyms)
 * when it is one, else as it is written (a word too common to be a concept: 投, 抓).
 */
function namesWord(text: string, concepts: readonly WeightedConcept[], word: string): boolean {
  const concept = concepts.find((candidate) => candidate.term === word);
  return concept ? presence(text, concept) > 0 : text.includes(normalizeForMatching(word));
}

/**
 * A yes-or-no question about something done: 了 or 过 as a particle of its action (投了赞成票,
 * 抓到了没有), 有没有 / 有无 before the action, or a verb asked both ways (签没签); not when a
 * modal makes it a question about what will be (会不会, 疫情会让世界倒退回过去吗).
 */
function asksDone(analyzer: SearchIndex['analyzer'], whether: { cue: string; action: string }, question: string): boolean {
  if (/会|将|要|能|打算|准备/u.test(question.slice(0, question.indexOf(whether.action) + 1)) && !/了/u.test(whether.cue)) return false;
  if (/了|^有没有$|^有无$|^([\u4e00-\u9fff])没\1$/u.test(whether.cue)) return true;
  // jieba keeps the particle on a verb it does not know (投了/x, 签了/x).
  return analyzer.tag(whether.action).some(({ word, tag }) => ((word === '了' || word === '过') && /^u/u.test(tag)) || (tag === 'x' && /^[\u4e00-\u9fff]+[了过]$/u.test(word)));
}

/** Share of the action's weight a unit must hold to answer whether it will be done. */
const MIN_ACTION_COVERAGE = 0.5;

/** True when two documents give the same answer: units that say a line in common (see sharesLine), or two unanswered questions. */
function sameAnswer(index: SearchIndex, a: SearchDoc, b: SearchDoc): boolean {
  // Two records of a question left unanswered both say the same: no answer.
  if (a.kind === 'unanswered' && b.kind === 'unanswered') return true;
  return a.kind === 'unit' && b.kind === 'unit' && sharesLine(index.file, a.unit.id, a.unit.paragraphs.length, b.unit.id);
}

/** (r₁ − r₂) / r₁ of the ranking key of the first two candidates; 1 without a runner-up. */
function marginOf(first: Candidate, second: Candidate | undefined): number {
  return second && first.relevance > 0 ? Math.max(0, (first.relevance - second.relevance) / first.relevance) : 1;
}

/** One confidence for answers and alternatives alike: coverage, discounted by up to half when a rival is as good. */
function confidenceOf(coverage: number, margin: number): number {
  return coverage * (0.5 + margin / 2);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The calibration of a question's confidences: yes-or-no questions about an action have their
 * own (SearchOptions.whetherCalibration), the same for the answer and its alternatives.
 */
function calibrationFor(index: SearchIndex, ranking: Ranking): CalibrationTable {
  const { calibration, whetherCalibration } = index.options;
  return ranking.question.whether && whetherCalibration.length > 0 ? whetherCalibration : calibration;
}

function alternativesOf(index: SearchIndex, ranking: Ranking, exclude: SearchDoc | undefined, limit: number, floor: number) {
  const table = calibrationFor(index, ranking);
  const candidates = ranking.candidates;
  return candidates
    .map((candidate, i) => ({
      candidate,
      confidence: calibrate(table, confidenceOf(candidate.coverage, marginOf(candidate, candidates[i + 1]))),
    }))
    .filter(({ candidate }) => candidate.doc.kind === 'unit' && candidate.doc !== exclude && candidate.coverage >= floor)
    .slice(0, limit)
    .map(({ candidate, confidence }) => ({ unitId: candidate.doc.id, topic: candidate.doc.topic, confidence: round(confidence) }));
}

/**
 * A fact asked of a period (2017年中非贸易额多少) is not stated by a unit whose stating sentences
 * all speak of other years (去年, 2015年, or said in another year and naming none): such units
 * leave the ranking, and a unit that states it for the asked years can answer without them as
 * rivals. A unit stating no such fact at all stays (the fact check refuses it as before).
 */
function statedInPeriod(index: SearchIndex, ranking: Ranking, time: AskedTime, named: boolean): Ranking {
  const intent = ranking.question.intent;
  // A date asked (哪一年实现碳中和) is the year a sentence names, not the time of its figure; the
  // /ask 时间 option (not `named`) asks for statements of its years, whatever year their figures are of.
  if (intent.kind !== 'fact' || intent.fact !== 'quantity' || time.kind !== 'period' || !named) return ranking;
  const { from, to } = time.period;
  const states = factCheck(index.analyzer, intent, ranking.concepts, ranking.question.folded);
  const candidates = ranking.candidates.filter(({ doc }) => {
    if (doc.kind !== 'unit') return true;
    const date = sourceDateOf(index, doc.unit.source);
    if (!date) return true;
    const said = Number(date.slice(0, 4));
    const speaker = normalizeForMatching(doc.unit.speaker);
    const accept = (sentence: string) => yearsSpoken(sentence, said).some((year) => year >= from && year <= to);
    const paragraphs = foldedParagraphs(doc);
    return !paragraphs.some((paragraph) => states(paragraph, { speaker })) || paragraphs.some((paragraph) => states(paragraph, { speaker, accept }));
  });
  return candidates.length === ranking.candidates.length ? ranking : { ...ranking, candidates };
}

/**
 * The speakers of the index a question (`folded`, as analysed) names (王毅2018年记者会开场白):
 * their own statements are the ones asked for, before another speaker's that mention them
 * (应王毅邀请…). Joined to the period's preference, if the question names one.
 */
function withSpeaker(index: SearchIndex, folded: string, prefer: ((doc: SearchDoc) => boolean) | undefined): ((doc: SearchDoc) => boolean) | undefined {
  const named = [...index.chinaSide].filter((name) => name.length >= 2 && folded.includes(name));
  if (named.length === 0) return prefer;
  const bySpeaker = (doc: SearchDoc) => doc.kind === 'unit' && named.includes(normalizeForMatching(doc.unit.speaker));
  return prefer ? (doc) => prefer(doc) && bySpeaker(doc) : bySpeaker;
}

/**
 * Answers a user question from the index: the ONE function every front end uses.
 * - `answered`: the best unit, whole, with its most relevant paragraph and a confidence;
 * - `unanswered`: the best match is a reporter question the transcript records without an
 *   answer; `unansweredQuestion` holds it;
 * - `no_match`: nothing covers the question well enough (out of scope, gibberish, empty);
 *   `alternatives` lists the closest topics, if any.
 * Input that is not a question (not a string, empty, only punctuation or emoji) is `no_match`;
 * anything else that goes wrong is a bug and throws, to reach the caller's one error path.
 *
 * @example answerQuestion(index, '歐洲怎麼看中國').answer?.topic // → '中欧关系'
 */
export function answerQuestion(index: SearchIndex, text: string, options: AnswerOptions = {}): Answer {
  const question = typeof text === 'string' ? text : '';
  // The time asked (src/search/asked-time.ts): a period filters the candidates; ties go to the newest.
  const asked = askTime(index, question, options);
  const ranked = rankCandidates(index, asked.rest, asked.accept);
  const ordered = orderByTime(index, ranked, asked.time, withSpeaker(index, ranked.question.folded, asked.prefer));
  const stated = statedInPeriod(index, ordered, asked.time, asked.prefer !== undefined);
  // Units that give the count asked only for other years: the record does not state it for those asked.
  const elsewhere = stated.candidates.length === 0 && ordered.candidates.length > 0;
  const ranking = elsewhere ? ordered : stated;
  const decision: Decision = elsewhere ? { ...decide(index, ordered), accepted: false, reason: 'fact_not_stated' } : decide(index, ranking);
  const { intent, framing, whether, asked: detail } = ranking.question;
  const explained = {
    analysis: {
      intent: { ...intent },
      framing,
      terms: ranking.concepts.map((concept) => ({ term: concept.term, weight: round(concept.weight) })),
      english: ranking.english,
      ...(whether ? { whether: { ...whether } } : {}),
      ...(detail ? { asked: [...detail] } : {}),
    },
    decision: { reason: decision.reason, coverage: round(decision.best?.coverage ?? 0), margin: round(decision.margin) },
    ...asked.explained,
  };
  const { maxAlternatives, thresholds } = index.options;
  const best = decision.best;
  if (!best || !decision.accepted) {
    const alternatives = alternativesOf(index, ranking, undefined, maxAlternatives, thresholds.minCoverage / 2);
    return { question, status: 'no_match', answer: null, unansweredQuestion: null, alternatives, ...explained };
  }
  const alternatives = alternativesOf(index, ranking, best.doc, maxAlternatives, 0);
  if (best.doc.kind === 'unanswered') {
    return { question, status: 'unanswered', answer: null, unansweredQuestion: best.doc.unanswered.question, alternatives, ...explained };
  }
  const unit = best.doc.unit;
  const hit: AnswerHit = {
    unitId: unit.id,
    topic: unit.topic,
    reporterQuestion: unit.question,
    speaker: unit.speaker,
    source: unit.source,
    paragraphs: unit.paragraphs,
    bestParagraph: decision.bestParagraph,
    confidence: decision.confidence,
  };
  // The archive: the most recent time this line was said, when it answers as well (src/archive).
  const quoted = quoteLatestOccurrence(index, { question, status: 'answered', answer: hit, unansweredQuestion: null, alternatives, ...explained }, asked.acceptDate ? { accept: asked.acceptDate } : {});
  // A period the question named is a preference: say so when the quote is from another time.
  const date = quoted.answer ? sourceDateOf(index, quoted.answer.source) : null;
  return asked.prefer !== undefined && asked.acceptDate !== undefined && !asked.acceptDate(date) ? { ...quoted, outsidePeriod: { date } } : quoted;
}
