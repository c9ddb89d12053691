import { describeParagraph, insertionPositions, paragraphPositions, type Draft } from './draft.js';
import { copyBlock } from './line-model.js';
import type { Random } from './random.js';
import type { Defect } from './types.js';

/**
 * (a) Duplicated paragraphs: one to six paragraphs get an exact copy (label and translation
 * included), right after them or a few lines later. The truth does not change.
 */
export function duplicateParagraphs(draft: Draft, random: Random): Defect | null {
  const chosen = random.sample(paragraphPositions(draft), random.int(1, 6));
  if (chosen.length === 0) return null;
  const notes: string[] = [];
  const units: number[] = [];
  for (const original of chosen.sort((a, b) => b - a)) {
    const block = draft.blocks[original]!;
    if (block.role.kind !== 'paragraph') continue;
    const later = random.chance(0.5);
    const allowed = insertionPositions(draft).filter((position) => position > original && position <= original + 5);
    const position = later && allowed.length > 1 ? random.pick(allowed.slice(1)) : original + 1;
    draft.blocks.splice(position, 0, copyBlock(block));
    units.push(block.role.unit);
    notes.push(`${describeParagraph(draft, block.role.unit, block.role.index)} ${position === original + 1 ? 'right after' : `${position - original - 1} lines later`}`);
  }
  return { kind: 'duplicate-paragraph', units: units.reverse(), description: `copied ${notes.reverse().join('; ')}` };
}
