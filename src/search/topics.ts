import type { AnswerUnit, UnansweredQuestion } from '../types.js';
import { chooseBestParagraph, rankCandidates } from './answer.js';
import { normalizeForMatching } from '../text/index.js';
import { documentContains, foldedParagraphs, type SearchDoc, type SearchIndex } from './search-index.js';

/**
 * One choice of the /topic autocomplete, as data (the front end words and shortens its label):
 * `id` names the unit or the unanswered question, `topic` is its topic label (中美关系) and
 * `question` the reporter's question, source text.
 * - `unit`: an answer unit; the transcript may lack its question (null);
 * - `unanswered`: a reporter question the transcript records without an answer.
 */
export type TopicSuggestion =
  | { kind: 'unit'; id: string; topic: string; question: string | null }
  | { kind: 'unanswered'; id: string; topic: string; question: string };

/** One paragraph found by text, for the /quote autocomplete. */
export interface ParagraphHit {
  unitId: string;
  /** Index into the unit's paragraphs. */
  paragraph: number;
  /** The paragraph, source text. */
  text: string;
  topic: string;
}

const DEFAULT_TOPIC_LIMIT = 25;
const DEFAULT_PARAGRAPH_LIMIT = 25;

/**
 * Choices for the /topic autocomplete: at most `limit` (default 25) topics, units and
 * unanswered questions alike. Empty input gives every topic in index order; otherwise topics
 * whose topic label or reporter question contains what was typed (folded: traditional =
 * simplified, any width, any case; topics starting with it first), then topics found by search.
 *
 * @example suggestTopics(index, '中美')[0] // → { id: '…#3', kind: 'unit', topic: '中美关系', question: '受疫情和美国大选影响，…' }
 */
export function suggestTopics(index: SearchIndex, typed: string, limit = DEFAULT_TOPIC_LIMIT): TopicSuggestion[] {
  const max = Math.max(0, Math.floor(limit));
  const entries = topicEntries(index);
  const needle = normalizeForMatching(typeof typed === 'string' ? typed : '').trim();
  if (needle.length === 0) return entries.slice(0, max).map((entry) => entry.suggestion);
  const prefix: TopicSuggestion[] = [];
  const contains: TopicSuggestion[] = [];
  for (const entry of entries) {
    if (entry.foldedTopic.startsWith(needle)) prefix.push(entry.suggestion);
    else if (entry.foldedTopic.includes(needle) || entry.foldedQuestion.includes(needle)) contains.push(entry.suggestion);
  }
  const chosen = [...prefix, ...contains];
  if (chosen.length < max) {
    const byDoc = new Map(entries.map((entry) => [entry.doc, entry.suggestion]));
    const seen = new Set(chosen.map((suggestion) => suggestion.id));
    for (const candidate of rankCandidates(index, typed).candidates) {
      const suggestion = byDoc.get(candidate.doc);
      if (!suggestion || seen.has(suggestion.id)) continue;
      chosen.push(suggestion);
      seen.add(suggestion.id);
    }
  }
  return chosen.slice(0, max);
}

interface TopicEntry {
  doc: SearchDoc;
  suggestion: TopicSuggestion;
  foldedTopic: string;
  foldedQuestion: string;
}

/** Choices and their folded keys, made once per index (autocomplete runs on every keystroke). */
const topicEntriesCache = new WeakMap<SearchIndex, TopicEntry[]>();

function topicEntries(index: SearchIndex): TopicEntry[] {
  const cached = topicEntriesCache.get(index);
  if (cached) return cached;
  const entries = index.docs.map((doc) => {
    const suggestion: TopicSuggestion =
      doc.kind === 'unit'
        ? { kind: 'unit', id: doc.id, topic: doc.topic, question: doc.unit.question }
        : { kind: 'unanswered', id: doc.id, topic: doc.topic, question: doc.unanswered.question };
    return { doc, suggestion, foldedTopic: normalizeForMatching(doc.topic), foldedQuestion: normalizeForMatching(suggestion.question ?? '') };
  });
  topicEntriesCache.set(index, entries);
  return entries;
}

/**
 * Paragraphs that best match a piece of text, for the /quote autocomplete: paragraphs that
 * contain the text (folded) first, in index order, then the best paragraph of each unit found
 * by search. At most `limit` (default 25); empty text gives none.
 */
export function findParagraphs(index: SearchIndex, text: string, limit = DEFAULT_PARAGRAPH_LIMIT): ParagraphHit[] {
  const max = Math.max(0, Math.floor(limit));
  const needle = normalizeForMatching(typeof text === 'string' ? text : '').trim();
  if (needle.length === 0 || max === 0) return [];
  const hits: ParagraphHit[] = [];
  const seen = new Set<string>();
  const push = (unit: AnswerUnit, paragraph: number): void => {
    const key = `${unit.id}\u0000${paragraph}`;
    const source = unit.paragraphs[paragraph];
    if (seen.has(key) || source === undefined) return;
    seen.add(key);
    hits.push({ unitId: unit.id, paragraph, text: source, topic: unit.topic });
  };
  for (const doc of index.docs) {
    if (hits.length >= max) break;
    if (doc.kind !== 'unit' || !documentContains(doc, needle)) continue;
    foldedParagraphs(doc).forEach((paragraph, i) => {
      if (hits.length < max && paragraph.includes(needle)) push(doc.unit, i);
    });
  }
  if (hits.length < max) {
    const ranking = rankCandidates(index, text);
    for (const candidate of ranking.candidates) {
      if (hits.length >= max) break;
      if (candidate.doc.kind === 'unit') push(candidate.doc.unit, chooseBestParagraph(candidate.doc, ranking.concepts));
    }
  }
  return hits;
}

/** The answer unit with this id, or undefined. */
export function getUnit(index: SearchIndex, unitId: string): AnswerUnit | undefined {
  return index.unitsById.get(unitId);
}

/** The unanswered reporter question with this id, or undefined. */
export function getUnanswered(index: SearchIndex, id: string): UnansweredQuestion | undefined {
  return index.unansweredById.get(id);
}
