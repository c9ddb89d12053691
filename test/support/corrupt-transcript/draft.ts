import type { Block, Line, LineModel } from './line-model.js';
import type { Random } from './random.js';
import type { Defect, TranscriptTruth } from './types.js';

/**
 * A variant being built: its blocks, and what earlier defects decided that later ones must
 * respect. Each defect function takes the draft and a Random, changes `blocks`, and returns
 * what it did (or null when the transcript offers nothing to apply it to).
 */
export interface Draft extends LineModel {
  readonly truth: TranscriptTruth;
  /** Units whose answer lines were deleted: their question is unanswered. */
  readonly answerless: Set<number>;
  /** Units whose question line was deleted. */
  readonly questionless: Set<number>;
  /** Units whose answer now stands after another unit's question. */
  readonly swapped: Set<number>;
  /** The list item outvoted by its corrupt copies: it must stay in the minority. */
  outvoted: { unit: number; index: number; corrupt: string } | null;
}

/** A defect step: changes the draft and says what it did, or returns null when it cannot apply. */
export type DefectStep = (draft: Draft, random: Random) => Defect | null;

/** Truth unit indices of the units that have a question. */
export function questionedUnits(draft: Draft): number[] {
  return draft.truth.units.flatMap((unit, index) => (unit.question !== null ? [index] : []));
}

/** Block positions of a unit's answer lines (whole paragraphs and pieces), in file order. */
export function answerPositions(draft: Draft, unit: number): number[] {
  return draft.blocks.flatMap((block, position) =>
    (block.role.kind === 'paragraph' || block.role.kind === 'piece') && block.role.unit === unit ? [position] : [],
  );
}

/** Block position of a unit's question, or -1. */
export function questionPosition(draft: Draft, unit: number): number {
  return draft.blocks.findIndex((block) => block.role.kind === 'question' && block.role.unit === unit);
}

/** Positions of whole paragraphs (not pieces, not copies' fragments), optionally filtered. */
export function paragraphPositions(draft: Draft, keep: (unit: number, index: number) => boolean = () => true): number[] {
  return draft.blocks.flatMap((block, position) =>
    block.role.kind === 'paragraph' && keep(block.role.unit, block.role.index) ? [position] : [],
  );
}

/** How often paragraph `index` of `unit` stands in the draft, whole or split (a split counts once). */
export function occurrences(draft: Draft, unit: number, index: number): number {
  return draft.blocks.filter(
    (block) =>
      (block.role.kind === 'paragraph' || (block.role.kind === 'piece' && block.role.part === 'head')) &&
      block.role.unit === unit &&
      block.role.index === index,
  ).length;
}

/**
 * Positions where a new block may be inserted (before `blocks[position]`, or at the end): after
 * the first question or answer, and never between the two pieces of a split paragraph.
 */
export function insertionPositions(draft: Draft): number[] {
  const first = draft.blocks.findIndex((block) => block.role.kind !== 'other');
  const positions: number[] = [];
  for (let position = first + 1; position <= draft.blocks.length; position++) {
    const at = draft.blocks[position];
    if (!(at?.role.kind === 'piece' && at.role.part === 'tail')) positions.push(position);
  }
  return positions;
}

/** The blank lines most lines of the clean file stand after (0 or 1 usually). */
export function typicalGap(draft: Draft): number {
  const counts = new Map<number, number>();
  const gaps = draft.blocks.flatMap((block) => block.lines.map((line) => line.gapBefore)).slice(1);
  for (const gap of gaps) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
}

/** A line of new text (a fragment, a piece) with no label and the file's usual spacing. */
export function plainLine(draft: Draft, body: string): Line {
  return { gapBefore: typicalGap(draft), indent: '', label: '', body, trailing: '' };
}

/** Every truth paragraph of every unit, for "is this text a real paragraph?" checks. */
export function isTruthParagraph(draft: Draft, text: string): boolean {
  return draft.truth.units.some((unit) => unit.paragraphs.includes(text));
}

/** Inserts blocks before `position`. */
export function insertBlocks(draft: Draft, position: number, blocks: Block[]): void {
  draft.blocks.splice(position, 0, ...blocks);
}

/** Paragraph text of a truth unit, for descriptions: `unit 3 ¶2 “中美关系是…”`. */
export function describeParagraph(draft: Draft, unit: number, index: number): string {
  const text = draft.truth.units[unit]!.paragraphs[index]!;
  return `unit ${unit + 1} ¶${index + 1} “${Array.from(text).slice(0, 8).join('')}…”`;
}
