import type { Analyzer } from '../text/index.js';
import type { AlignedUnit } from './align-questions.js';
import { findGroups } from './assemble-units.js';
import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { TermWeights, cosine } from './text-similarity.js';
import { bodyOf as body } from './parse-transcript.js';

/**
 * A topic term must be in at most this share of the answer paragraphs (or in no more than one
 * and a half times as many paragraphs as the longest answer has, as the file places them):
 * 疫情 or 中国 name no one answer's topic.
 */
const MAX_TOPIC_TERM_SHARE = 1 / 3;
/** …and at least this specific in Chinese at large (see `Analyzer.specificity`): 各国, 国家 are not topics. */
const MIN_TOPIC_TERM_SPECIFICITY = 0.4;

type Concepts = Set<string>;

/** Words (search tokens) with their field synonyms (援助 → 帮助, 援手 …; 中美 → 美国 …). */
function conceptsOf(tokens: readonly string[], synonyms: Analyzer['lexicon']['synonyms']): Concepts {
  const concepts: Concepts = new Set();
  for (const token of tokens) {
    concepts.add(token);
    for (const synonym of synonyms.get(token) ?? []) concepts.add(synonym);
  }
  return concepts;
}

/**
 * Stage 4b. Moves continuation paragraphs that the file put under the wrong answer, by topic.
 * Each answer's topic terms are the specific words its question and its opening paragraph
 * share (the opening paragraph's own, when the question is missing), with their field
 * synonyms, that no other answer's question and opening share. A continuation that names none
 * of its answer's topic terms but names those of exactly one other answer moves there (`中国不是救世主…提供力所能及的帮助` names 帮助, the
 * topic of the question on aid, and nothing of 中欧). A continuation that names no topic at
 * all goes with its neighbours in the file: when those belong to different answers, the
 * stretch between them is cut where adjacent paragraphs have least in common.
 * Lists move as a whole. An answer given before any question (an opening statement) takes
 * nothing; an answer without topic terms keeps what it has.
 */
export function refineByTopic(
  units: readonly AlignedUnit[],
  transcript: DedupedTranscript,
  openingStatements: ReadonlySet<number>,
  analyzer: Analyzer,
): StageResult<Map<number, number>> {
  const { tokenize } = analyzer;
  const { synonyms } = analyzer.lexicon;
  const report: ReportEntry[] = [];
  const { paragraphs, sequence } = transcript;
  const assignment = new Map<number, number>();
  for (const unit of units) for (const paragraph of unit.continuations) assignment.set(paragraph.id, unit.start.id);

  const answerParagraphs = units.flatMap((unit) => [unit.start, ...unit.continuations]);
  const tokens = new Map(answerParagraphs.map((p) => [p.id, tokenize(body(p))]));
  const concepts = new Map(answerParagraphs.map((p) => [p.id, conceptsOf(tokens.get(p.id)!, synonyms)]));
  const documentFrequency = new Map<string, number>();
  for (const set of concepts.values()) for (const term of set) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const maxFrequency = Math.max(MAX_TOPIC_TERM_SHARE * answerParagraphs.length, ...units.map((unit) => 1.5 * (unit.continuations.length + 1)));
  const isTopicTerm = (term: string): boolean =>
    (documentFrequency.get(term) ?? 0) <= maxFrequency &&
    analyzer.specificity(term) >= MIN_TOPIC_TERM_SPECIFICITY &&
    (Array.from(term).length >= 2 || synonyms.has(term));

  // Candidates: what question and opening paragraph share (the opening paragraph alone without a question).
  const candidates = new Map<number, Concepts>();
  for (const unit of units) {
    const opening = concepts.get(unit.start.id)!;
    const question = unit.question ? conceptsOf(tokenize(body(unit.question)), synonyms) : null;
    candidates.set(unit.start.id, new Set([...opening].filter((term) => (question === null || question.has(term)) && isTopicTerm(term))));
  }
  // A topic term belongs to one answer: a term that other answers' questions and openings share
  // too (关系 in “…同日本的关系” and “…同法国的关系”) names none of them. Answers without a
  // question, whose candidates are their whole opening, give way to those with one.
  const topics = new Map<number, Concepts>();
  for (const unit of units) {
    const others = units.filter(
      (other) => other !== unit && !openingStatements.has(other.start.id) && (other.question !== null || unit.question === null),
    );
    const taken = new Set(others.flatMap((other) => [...candidates.get(other.start.id)!]));
    topics.set(unit.start.id, new Set([...candidates.get(unit.start.id)!].filter((term) => !taken.has(term))));
  }
  const named = (group: DistinctParagraph[], start: number): string[] => {
    const topic = topics.get(start)!;
    const found = new Set<string>();
    for (const paragraph of group) for (const token of tokens.get(paragraph.id)!) {
      if (topic.has(token) || (synonyms.get(token) ?? []).some((term) => topic.has(term))) found.add(token);
    }
    return [...found];
  };

  // Decide by topic terms, a list as a whole.
  const groupOf = findGroups(transcript);
  const decided = new Map<number, number>();
  const undecided = new Set<number>();
  for (const group of new Set(groupOf.values())) {
    const own = assignment.get(group[0]!.id);
    if (own === undefined) continue;
    const mark = (start: number): void => group.forEach((p) => decided.set(p.id, start));
    if (topics.get(own)!.size === 0 || named(group, own).length > 0) {
      mark(own);
      continue;
    }
    const evidence = units
      .filter((unit) => unit.start.id !== own && !openingStatements.has(unit.start.id))
      .map((unit) => ({ start: unit.start.id, terms: named(group, unit.start.id) }))
      .filter(({ terms }) => terms.length > 0)
      .sort((a, b) => b.terms.length - a.terms.length);
    const [best, second] = evidence;
    if (!best) {
      group.forEach((p) => undecided.add(p.id));
    } else if (second && second.terms.length === best.terms.length) {
      mark(own);
    } else {
      mark(best.start);
      report.push({
        stage: 'units',
        action: 'reassign',
        lines: group.flatMap((p) => p.lines),
        detail: `Moved ${group.map((p) => excerpt(p.text)).join(' + ')} from ${excerpt(paragraphs[own]!.text)} to ${excerpt(paragraphs[best.start]!.text)}: it names that answer's topic (${best.terms.join('、')}) and none of its own (${[...topics.get(own)!].slice(0, 4).join('、')}).`,
      });
    }
  }

  // Paragraphs that name no topic go with their neighbours.
  const weights = new TermWeights(answerParagraphs.map(body));
  const vectors = new Map(answerParagraphs.map((p) => [p.id, weights.vector(body(p))]));
  const cohesion = (a: number, b: number): number => cosine(vectors.get(a)!, vectors.get(b)!);
  const flow = sequence.filter((id) => paragraphs[id]!.kind !== 'question');
  const labelOf = (id: number): number | undefined => (paragraphs[id]!.kind === 'answer-start' ? id : decided.get(id));
  const votes = new Map<number, Map<number, number>>();
  for (let i = 0; i < flow.length; i += 1) {
    if (!undecided.has(flow[i]!)) continue;
    let end = i;
    while (end + 1 < flow.length && undecided.has(flow[end + 1]!)) end += 1;
    const before = i > 0 ? flow[i - 1]! : undefined;
    const after = end + 1 < flow.length && paragraphs[flow[end + 1]!]!.kind === 'continuation' ? flow[end + 1]! : undefined;
    const left = before === undefined ? undefined : labelOf(before);
    const right = after === undefined ? undefined : labelOf(after);
    const stretch = flow.slice(i, end + 1);
    let cut = stretch.length; // everything to the left
    if (left === undefined && right !== undefined) cut = 0;
    else if (left !== undefined && right !== undefined && left !== right) {
      const chain = [before!, ...stretch, after!];
      let weakest = Number.POSITIVE_INFINITY;
      for (let k = 0; k + 1 < chain.length; k += 1) {
        const link = cohesion(chain[k]!, chain[k + 1]!);
        if (link < weakest) [weakest, cut] = [link, k];
      }
    }
    stretch.forEach((id, k) => {
      const label = k < cut ? left : right;
      if (label === undefined) return;
      const tally = votes.get(id) ?? new Map<number, number>();
      tally.set(label, (tally.get(label) ?? 0) + 1);
      votes.set(id, tally);
    });
    i = end;
  }
  for (const id of undecided) {
    const own = assignment.get(id)!;
    const tally = votes.get(id) ?? new Map<number, number>();
    let chosen = own;
    for (const [start, count] of tally) if (count > (tally.get(chosen) ?? 0)) chosen = start;
    decided.set(id, chosen);
    if (chosen !== own) {
      report.push({
        stage: 'units',
        action: 'reassign',
        lines: paragraphs[id]!.lines,
        detail: `Moved ${excerpt(paragraphs[id]!.text)} from ${excerpt(paragraphs[own]!.text)} to ${excerpt(paragraphs[chosen]!.text)}: it names no answer's topic, and in the file it reads on from the paragraphs that belong there.`,
      });
    }
  }
  return { value: decided, report };
}
