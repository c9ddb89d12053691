import type { Draft } from './draft.js';
import { copyBlock } from './line-model.js';
import type { Random } from './random.js';
import type { Defect } from './types.js';

/** Positions of question blocks, in file order. */
function questionStarts(draft: Draft): number[] {
  return draft.blocks.flatMap((block, position) => (block.role.kind === 'question' ? [position] : []));
}

/**
 * The run of a transcript from the question at `start` over `units` question+answer stretches:
 * up to the next question after them, without the host's or lead lines at its end.
 */
export function runFrom(draft: Draft, start: number, units: number): { start: number; end: number } {
  const starts = questionStarts(draft).filter((position) => position >= start);
  let end = starts[units] ?? draft.blocks.length;
  while (end > start + 1 && draft.blocks[end - 1]!.role.kind === 'other') end--;
  return { start, end };
}

/**
 * (b) A duplicated question+answer run: the stretch from one question to the next (sometimes
 * two such stretches) is repeated later in the file, before another question or at the end.
 * The truth does not change.
 */
export function duplicateRun(draft: Draft, random: Random): Defect | null {
  const starts = questionStarts(draft);
  if (starts.length < 2) return null;
  const start = random.pick(starts.slice(0, -1));
  const run = runFrom(draft, start, random.chance(0.3) ? 2 : 1);
  const copies = draft.blocks.slice(run.start, run.end).map(copyBlock);
  const targets = [...starts.filter((position) => position > run.end), draft.blocks.length];
  const position = random.pick(targets);
  draft.blocks.splice(position, 0, ...copies);
  const units = [...new Set(copies.flatMap((block) => ('unit' in block.role ? [block.role.unit] : [])))];
  return {
    kind: 'duplicate-run',
    units,
    description: `the run of units ${units.map((unit) => unit + 1).join(', ')} (${copies.length} lines) is repeated ${position === draft.blocks.length - copies.length ? 'at the end' : 'before a later question'}`,
  };
}
