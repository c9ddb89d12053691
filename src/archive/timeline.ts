import { diffArrays } from 'diff';
import { normalizeForMatching } from '../text/index.js';
import { rankCandidates } from '../search/answer.js';
import type { SearchIndex } from '../search/search-index.js';
import type { ArchiveLine, IndexFile, LineOccurrence } from '../types.js';
import { occurrenceText, wordingChanged } from './group-lines.js';
import { lineOf } from './occurrences.js';

/**
 * How the wording of a line changed over the years: the times it was said where the wording
 * differs from the time before, each with what was added and dropped, word by word (Chinese
 * words as the ICU word segmenter cuts them). Pure; the bot renders it (src/bot/timeline-view.ts).
 */

/** A run of a wording diff: text both wordings share, or text the later one added or dropped. Source text. */
export interface WordingPart {
  kind: 'same' | 'added' | 'dropped';
  text: string;
}

/** One wording of a line: the first time it was said in it, and how long it lasted. */
export interface TimelineStep {
  occurrence: LineOccurrence;
  /** The time's text, source text. */
  text: string;
  /** Against the previous step's text (the first step: all `same`). Concatenating the `same` and `added` parts gives `text`. */
  parts: WordingPart[];
  /** Times it was said in this wording, this one included, before the next change. */
  times: number;
  /** Date of the last of those times. */
  until: string | null;
}

/** A line's timeline: every change of wording, oldest first. */
export interface Timeline {
  line: ArchiveLine;
  steps: TimelineStep[];
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a text as the ICU word segmenter cuts it (Chinese words, Latin words, punctuation); they concatenate to the text. */
export function wordsOf(text: string): string[] {
  return Array.from(WORDS.segment(text), (segment) => segment.segment);
}

/**
 * What changed from one wording to the next, word by word (jsdiff's diffArrays): runs kept,
 * added and dropped, dropped before added where a run was replaced.
 * `wordingDiff('中方坚决反对。', '中方坚定反对。')` → `[same 中方, dropped 坚决, added 坚定, same 反对。]`
 */
export function wordingDiff(before: string, after: string): WordingPart[] {
  const parts: WordingPart[] = [];
  for (const change of diffArrays(wordsOf(before), wordsOf(after))) {
    const kind = change.added ? 'added' : change.removed ? 'dropped' : 'same';
    const text = change.value.join('');
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text !== '') parts.push({ kind, text });
  }
  return parts;
}

/** The timeline of a line of the index (see Timeline); undefined for an id the index has no line for. */
export function timelineOf(file: IndexFile, lineId: string): Timeline | undefined {
  const line = file.lines?.find((candidate) => candidate.id === lineId);
  if (line === undefined) return undefined;
  const units = new Map(file.units.map((unit) => [unit.id, unit]));
  const steps: TimelineStep[] = [];
  for (const occurrence of line.occurrences) {
    const unit = units.get(occurrence.unitId);
    if (unit === undefined) continue;
    const text = occurrenceText(unit, occurrence);
    const previous = steps.at(-1);
    if (previous !== undefined && !wordingChanged(previous.text, text)) {
      previous.times += 1;
      previous.until = occurrence.date;
      continue;
    }
    const parts = previous === undefined ? [{ kind: 'same' as const, text }] : wordingDiff(previous.text, text);
    steps.push({ occurrence, text, parts, times: 1, until: occurrence.date });
  }
  return { line, steps };
}

/** One choice of the /timeline autocomplete. */
export interface LineSuggestion {
  /** The line's id. */
  id: string;
  topic: string;
  count: number;
  first: string | null;
  last: string | null;
  /** The most recent wording, source text. */
  text: string;
}

/**
 * Choices for the /timeline autocomplete, as /topic's: empty input gives the lines said most
 * often; otherwise lines whose topic starts with what was typed (folded), then those whose
 * topic, reporter questions or wording contain it, then the lines of the units the search
 * finds for it. At most `limit`.
 */
export function suggestLines(index: SearchIndex, typed: string, limit: number): LineSuggestion[] {
  const entries = lineEntries(index.file);
  const needle = normalizeForMatching(typed).trim();
  const max = Math.max(0, Math.floor(limit));
  if (needle.length === 0) return [...entries].sort((a, b) => b.suggestion.count - a.suggestion.count).slice(0, max).map((entry) => entry.suggestion);
  const prefix = entries.filter((entry) => entry.topic.startsWith(needle));
  const contains = entries.filter((entry) => !entry.topic.startsWith(needle) && entry.keys.includes(needle));
  const chosen = [...prefix, ...contains].map((entry) => entry.suggestion);
  if (chosen.length < max) {
    const seen = new Set(chosen.map((suggestion) => suggestion.id));
    const byId = new Map(entries.map((entry) => [entry.suggestion.id, entry.suggestion]));
    for (const candidate of rankCandidates(index, typed).candidates) {
      if (candidate.doc.kind !== 'unit') continue;
      const place = lineOf(index.file, candidate.doc.id, null) ?? candidate.doc.unit.paragraphs.map((_, i) => lineOf(index.file, candidate.doc.id, i)).find((found) => found !== undefined);
      const suggestion = place === undefined ? undefined : byId.get(place.line.id);
      if (suggestion === undefined || seen.has(suggestion.id)) continue;
      seen.add(suggestion.id);
      chosen.push(suggestion);
    }
  }
  return chosen.slice(0, max);
}

interface LineEntry {
  suggestion: LineSuggestion;
  /** Folded topic. */
  topic: string;
  /** Folded topic, reporter questions and most recent wording, for `includes`. */
  keys: string;
}

const entriesByFile = new WeakMap<IndexFile, LineEntry[]>();

function lineEntries(file: IndexFile): LineEntry[] {
  const cached = entriesByFile.get(file);
  if (cached) return cached;
  const units = new Map(file.units.map((unit) => [unit.id, unit]));
  const entries = (file.lines ?? []).map((line) => {
    const latest = line.occurrences.at(-1)!;
    const unit = units.get(latest.unitId);
    const text = unit === undefined ? '' : occurrenceText(unit, latest);
    const dated = line.occurrences.filter((occurrence) => occurrence.date !== null);
    const suggestion: LineSuggestion = { id: line.id, topic: line.topic, count: line.occurrences.length, first: dated[0]?.date ?? null, last: dated.at(-1)?.date ?? null, text };
    const questions = line.occurrences.map((occurrence) => occurrence.question ?? '').join('\u0001');
    return { suggestion, topic: normalizeForMatching(line.topic), keys: normalizeForMatching(`${line.topic}\u0001${questions}\u0001${text}`) };
  });
  entriesByFile.set(file, entries);
  return entries;
}
