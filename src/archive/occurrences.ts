import type { Answer, AnswerOccurrences, ArchiveLine, IndexFile, LineOccurrence } from '../types.js';
import { documentContains, foldedParagraphs, type SearchDoc, type SearchIndex } from '../search/search-index.js';

/**
 * Which time of a line an answer quotes. The search finds the most relevant unit; when that
 * unit (or its marked paragraph) is a line said several times, the most recent time is quoted
 * instead, as long as it answers the question about as well (its unit covers the question's
 * words nearly as much; the reporter questions of the times differ). Pure functions of the
 * index and the answer.
 */

/** Options of `quoteLatestOccurrence`; defaults in QUOTE_LATEST_DEFAULTS below. */
export interface QuoteLatestOptions {
  /** Only occurrences of these dates may be quoted (the asked period); default: any. */
  accept?: (date: string | null) => boolean;
  /**
   * How much less of the question's weight (0..1, see Answer.analysis.terms) a more recent time's
   * unit may cover and still be quoted instead: its reporter question may be about another aspect.
   */
  maxCoverageLoss: number;
}

/** A line and one of its occurrences; `onlyParagraph` when that occurrence's unit has one paragraph. */
export interface LinePlace {
  line: ArchiveLine;
  occurrence: LineOccurrence;
  onlyParagraph: boolean;
}

/** Where a unit, or one paragraph of it, stands in the index's lines: the whole unit first, then the paragraph. */
export function lineOf(file: IndexFile, unitId: string, paragraph: number | null): LinePlace | undefined {
  const lookup = lookupOf(file);
  return lookup.get(occurrenceKey(unitId, null)) ?? (paragraph === null ? undefined : lookup.get(occurrenceKey(unitId, paragraph)));
}

/**
 * True when two units say a line in common (the same answer, or a paragraph of it, at two press
 * conferences): they are not rival answers to one question.
 */
export function sharesLine(file: IndexFile, unitId: string, paragraphs: number, otherUnitId: string): boolean {
  for (let paragraph = -1; paragraph < paragraphs; paragraph++) {
    const found = lineOf(file, unitId, paragraph < 0 ? null : paragraph);
    if (found?.line.occurrences.some((occurrence) => occurrence.unitId === otherUnitId)) return true;
  }
  return false;
}

/**
 * How often the line of a unit (or of its paragraph) was said, and whether this is the most
 * recent time; undefined when it is no line.
 * → `{ line, scope: 'answer', count: 5, first: '2016-05-10', last: '2023-02-20', quoted: '2019-03-04', chosen: 'relevance' }`
 */
export function summarizeOccurrences(file: IndexFile, unitId: string, paragraph: number | null): AnswerOccurrences | undefined {
  const found = lineOf(file, unitId, paragraph);
  if (found === undefined) return undefined;
  const { line, occurrence } = found;
  const dated = line.occurrences.filter((candidate) => candidate.date !== null);
  const first = dated[0]?.date ?? null;
  const last = dated.at(-1)?.date ?? null;
  return {
    line: line.id,
    // A one-paragraph answer that is the line is the line as a whole.
    scope: occurrence.paragraph === null || found.onlyParagraph ? 'answer' : 'paragraph',
    count: line.occurrences.length,
    first,
    last,
    quoted: occurrence.date,
    chosen: occurrence === line.occurrences.at(-1) || (occurrence.date !== null && occurrence.date === last) ? 'latest' : 'relevance',
  };
}

/**
 * Re-points an answered Answer to the most recent time its line was said (within
 * `options.accept`) whose unit covers the question's words within `maxCoverageLoss` of the
 * unit found, marking the paragraph that says the line, and adds `occurrences`. Any other
 * answer is returned as it is.
 *
 * @example quoteLatestOccurrence(index, answerFor2016).answer.unitId // → the 2023 unit saying the same line
 */
export function quoteLatestOccurrence(index: SearchIndex, answer: Answer, options: Partial<QuoteLatestOptions> = {}): Answer {
  const { accept, maxCoverageLoss } = { ...QUOTE_LATEST_DEFAULTS, ...options };
  const hit = answer.answer;
  if (answer.status !== 'answered' || hit === null) return answer;
  const found = lineOf(index.file, hit.unitId, hit.bestParagraph);
  if (found === undefined) return answer;
  const terms = answer.analysis?.terms ?? [];
  const docs = docsOf(index);
  const chosenDoc = docs.get(hit.unitId);
  const floor = (chosenDoc === undefined ? 0 : coverage(chosenDoc, terms)) - maxCoverageLoss;
  const position = found.line.occurrences.indexOf(found.occurrence);
  const later = found.line.occurrences.slice(position + 1).reverse();
  const target = later.find((occurrence) => {
    const doc = docs.get(occurrence.unitId);
    return doc !== undefined && (accept === undefined || accept(occurrence.date)) && coverage(doc, terms) >= floor;
  });
  if (target === undefined) return { ...answer, occurrences: summarizeOccurrences(index.file, hit.unitId, found.occurrence.paragraph ?? hit.bestParagraph)! };
  const unit = index.unitsById.get(target.unitId)!;
  const bestParagraph =
    target.paragraph ??
    (found.occurrence.paragraph === null && unit.paragraphs.length === hit.paragraphs.length ? hit.bestParagraph : heaviestParagraph(docs.get(unit.id)!, terms));
  return {
    ...answer,
    answer: { ...hit, unitId: unit.id, topic: unit.topic, reporterQuestion: unit.question, speaker: unit.speaker, source: unit.source, paragraphs: unit.paragraphs, bestParagraph },
    alternatives: answer.alternatives.filter((alternative) => alternative.unitId !== unit.id),
    occurrences: summarizeOccurrences(index.file, unit.id, target.paragraph ?? bestParagraph)!,
  };
}

/** Share (0..1) of the terms' weight whose term the document contains (folded question, topic, speaker, outlet or text). */
function coverage(doc: SearchDoc, terms: readonly { term: string; weight: number }[]): number {
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  if (total === 0) return 1;
  return terms.reduce((sum, term) => sum + (documentContains(doc, term.term) ? term.weight : 0), 0) / total;
}

/** The paragraph holding most of the terms' weight (the first on a tie). */
function heaviestParagraph(doc: SearchDoc, terms: readonly { term: string; weight: number }[]): number {
  let best = 0;
  let bestWeight = -1;
  foldedParagraphs(doc).forEach((paragraph, i) => {
    const weight = terms.reduce((sum, term) => sum + (paragraph.includes(term.term) ? term.weight : 0), 0);
    if (weight > bestWeight) [best, bestWeight] = [i, weight];
  });
  return best;
}

function occurrenceKey(unitId: string, paragraph: number | null): string {
  return `${unitId}\u0000${paragraph ?? '*'}`;
}

const lookups = new WeakMap<IndexFile, Map<string, LinePlace>>();

function lookupOf(file: IndexFile): Map<string, LinePlace> {
  let lookup = lookups.get(file);
  if (lookup === undefined) {
    lookup = new Map();
    const lines = file.lines ?? [];
    const counts = new Map<string, number>();
    if (lines.length > 0) for (const unit of file.units) counts.set(unit.id, unit.paragraphs.length);
    for (const line of lines) {
      for (const occurrence of line.occurrences) {
        const place = { line, occurrence, onlyParagraph: counts.get(occurrence.unitId) === 1 };
        lookup.set(occurrenceKey(occurrence.unitId, occurrence.paragraph), place);
        // The only paragraph of a unit is the whole unit.
        if (place.onlyParagraph) lookup.set(occurrenceKey(occurrence.unitId, null), place);
      }
    }
    lookups.set(file, lookup);
  }
  return lookup;
}

const unitDocs = new WeakMap<SearchIndex, Map<string, SearchDoc>>();

function docsOf(index: SearchIndex): Map<string, SearchDoc> {
  let docs = unitDocs.get(index);
  if (docs === undefined) {
    docs = new Map(index.docs.filter((doc) => doc.kind === 'unit').map((doc) => [doc.id, doc]));
    unitDocs.set(index, docs);
  }
  return docs;
}

/** Defaults of QuoteLatestOptions. */
export const QUOTE_LATEST_DEFAULTS: Readonly<QuoteLatestOptions> = Object.freeze({ maxCoverageLoss: 0.1 });
