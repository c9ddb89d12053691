import { isTruthParagraph, type Draft } from './draft.js';
import { runFrom } from './duplicate-runs.js';
import { copyBlock, type Block } from './line-model.js';
import type { Random } from './random.js';
import { charsOf, cutPoints, splitAt } from './text-points.js';
import type { Defect } from './types.js';

/** True when the list item's corrupt copies still outnumber its original in these blocks. */
function corruptStillLeads(draft: Draft, blocks: readonly Block[]): boolean {
  const outvoted = draft.outvoted;
  if (outvoted === null) return true;
  const original = blocks.filter(
    (block) => (block.role.kind === 'paragraph' || (block.role.kind === 'piece' && block.role.part === 'head')) && block.role.unit === outvoted.unit && block.role.index === outvoted.index,
  ).length;
  const corrupt = blocks.filter((block) => block.role.kind === 'foreign' && block.role.text === outvoted.corrupt).length;
  return corrupt > original;
}

/**
 * (j) A truncated tail: the file ends with a repeat of a late question+answer run (from one of
 * the last three questions), cut in the middle of one of its paragraphs. The cut text goes to
 * `foreign` unless it is a whole paragraph. A repeat that would let a list item outvote its
 * corrupt copies is not chosen.
 */
export function truncateTail(draft: Draft, random: Random): Defect | null {
  const starts = draft.blocks.flatMap((block, position) => (block.role.kind === 'question' ? [position] : [])).slice(-3);
  for (const start of random.sample(starts, starts.length)) {
    const run = runFrom(draft, start, draft.blocks.length);
    const cuttable = draft.blocks
      .slice(run.start, run.end)
      .flatMap((block, offset) => (block.role.kind === 'paragraph' && cutPoints(block.lines[0]!.body).length > 0 ? [run.start + offset] : []));
    if (cuttable.length === 0) continue;
    const cutAt = random.pick(cuttable);
    const cutBlock = draft.blocks[cutAt]!;
    const [kept] = splitAt(cutBlock.lines[0]!.body, random.pick(cutPoints(cutBlock.lines[0]!.body)));
    const tail: Block[] = [
      ...draft.blocks.slice(run.start, cutAt).map(copyBlock),
      { role: isTruthParagraph(draft, kept) ? { ...cutBlock.role } : { kind: 'foreign', text: kept }, lines: [{ ...cutBlock.lines[0]!, body: kept, trailing: '' }] },
    ];
    if (!corruptStillLeads(draft, [...draft.blocks, ...tail])) continue;
    draft.blocks.push(...tail);
    draft.gapAfter = 0;
    const role = draft.blocks[start]!.role;
    return {
      kind: 'truncated-tail',
      units: role.kind === 'question' ? [role.unit] : [],
      description: `the file ends with a repeat from the question of unit ${role.kind === 'question' ? role.unit + 1 : '?'}, cut after “…${charsOf(kept).slice(-6).join('')}”`,
    };
  }
  return null;
}
