import type { AnswerUnit, ArchiveLine, IndexFile, LineOccurrence } from '../types.js';
import { compactText, groupNearDuplicates, type NearDuplicateItem, type NearDuplicateOptions } from './near-duplicates.js';

/**
 * The same line, said many times: answers (whole, when they have several paragraphs) and
 * paragraphs that state a position in the same or nearly the same words across transcripts,
 * grouped into lines with their occurrences (unit, date, source, reporter question). Pure.
 */

/** What grouping found, for the build report and the benchmark. */
export interface LineFigures {
  /** Texts long enough to be compared (whole answers and paragraphs). */
  texts: number;
  /** Candidate pairs whose similarity was computed. */
  compared: number;
  lines: number;
  occurrences: number;
  /** Occurrences whose wording differs from the one before (see wordingChanged). */
  changes: number;
}

/** The lines of an index, and the figures. */
export interface GroupedLines {
  lines: ArchiveLine[];
  figures: LineFigures;
}

/** The text of an occurrence: its paragraph, or the unit's paragraphs one per line. Source text. */
export function occurrenceText(unit: AnswerUnit, occurrence: Pick<LineOccurrence, 'paragraph'>): string {
  return occurrence.paragraph === null ? unit.paragraphs.join('\n') : (unit.paragraphs[occurrence.paragraph] ?? '');
}

/** True when two texts differ in wording: in their letters and digits once folded (punctuation, spacing and script do not count). */
export function wordingChanged(before: string, after: string): boolean {
  return compactText(before) !== compactText(after);
}

/** The number of occurrences of a line whose wording differs from the occurrence before it. */
export function countChanges(line: ArchiveLine, unitsById: ReadonlyMap<string, AnswerUnit>): number {
  let changes = 0;
  let previous: string | null = null;
  for (const occurrence of line.occurrences) {
    const unit = unitsById.get(occurrence.unitId);
    if (unit === undefined) continue;
    const text = occurrenceText(unit, occurrence);
    if (previous !== null && wordingChanged(previous, text)) changes++;
    previous = text;
  }
  return changes;
}

/**
 * Groups the units of an index into lines (see the module comment): each unit of two or more
 * paragraphs as a whole, and each paragraph, are compared by near-duplicate detection
 * (src/archive/near-duplicates.ts, never all pairs); a group is a line when it holds two or
 * more units from two or more sources. A unit occurs once in a line (as a whole when both it
 * and one of its paragraphs joined); a paragraph repeated only where its whole answer is
 * repeated is no line of its own. Occurrences are ordered by date (unknown first), source
 * and unit order; lines by their first occurrence.
 */
export function groupLines(file: Pick<IndexFile, 'units' | 'sources'>, options: Partial<NearDuplicateOptions> = {}): GroupedLines {
  const dates = new Map(file.sources.map((source) => [source.id, source.date]));
  const unitOrder = new Map(file.units.map((unit, i) => [unit.id, i]));
  const items: (NearDuplicateItem & { unit: string; paragraph: number | null })[] = [];
  for (const unit of file.units) {
    if (unit.paragraphs.length >= 2) items.push({ text: unit.paragraphs.join('\n'), unit: unit.id, paragraph: null });
    unit.paragraphs.forEach((text, paragraph) => items.push({ text, unit: unit.id, paragraph }));
  }
  const { groups, figures } = groupNearDuplicates(items, options);
  const unitsById = new Map(file.units.map((unit) => [unit.id, unit]));
  const lines: ArchiveLine[] = [];
  for (const group of groups) {
    const byUnit = new Map<string, number | null>();
    for (const i of group) {
      const { unit, paragraph } = items[i]!;
      // A unit occurs once: as a whole when its whole text joined, else by its first paragraph that did.
      if (byUnit.get(unit) === undefined || paragraph === null) byUnit.set(unit, paragraph);
    }
    const occurrences: LineOccurrence[] = [...byUnit].map(([unitId, paragraph]) => {
      const unit = unitsById.get(unitId)!;
      return { unitId, paragraph, date: dates.get(unit.source) ?? null, source: unit.source, question: unit.question };
    });
    if (new Set(occurrences.map((occurrence) => occurrence.source)).size < 2) continue;
    occurrences.sort((a, b) => compareDates(a.date, b.date) || unitOrder.get(a.unitId)! - unitOrder.get(b.unitId)!);
    const first = occurrences[0]!;
    const latest = occurrences.at(-1)!;
    lines.push({
      id: first.paragraph === null ? first.unitId : `${first.unitId}¶${first.paragraph + 1}`,
      topic: unitsById.get(latest.unitId)!.topic,
      occurrences,
    });
  }
  // A paragraph repeated only where its whole answer is repeated adds nothing to that answer's line.
  const wholeLineOf = new Map<string, ArchiveLine>();
  for (const line of lines) for (const occurrence of line.occurrences) if (occurrence.paragraph === null) wholeLineOf.set(occurrence.unitId, line);
  const redundant = (line: ArchiveLine): boolean => {
    const whole = wholeLineOf.get(line.occurrences[0]!.unitId);
    return whole !== undefined && whole !== line && line.occurrences.every((occurrence) => wholeLineOf.get(occurrence.unitId) === whole);
  };
  const kept = lines.filter((line) => !redundant(line));
  kept.sort((a, b) => compareDates(a.occurrences[0]!.date, b.occurrences[0]!.date) || unitOrder.get(a.occurrences[0]!.unitId)! - unitOrder.get(b.occurrences[0]!.unitId)! || (a.id < b.id ? -1 : 1));
  const occurrences = kept.reduce((sum, line) => sum + line.occurrences.length, 0);
  const changes = kept.reduce((sum, line) => sum + countChanges(line, unitsById), 0);
  return { lines: kept, figures: { texts: figures.items, compared: figures.compared, lines: kept.length, occurrences, changes } };
}

/** Orders ISO dates, unknown (null) first. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
