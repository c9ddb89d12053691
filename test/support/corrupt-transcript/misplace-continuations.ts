import { answerPositions, describeParagraph, paragraphPositions, type Draft } from './draft.js';
import { copyBlock } from './line-model.js';
import type { Random } from './random.js';
import { bigramsOf } from './text-points.js';
import type { Defect } from './types.js';

/** The unit (other than `own`) whose paragraphs share the most character bigrams with `text`. */
function closestUnit(draft: Draft, text: string, candidates: readonly number[]): number {
  const mine = bigramsOf(text);
  let best = candidates[0]!;
  let bestShared = -1;
  for (const unit of candidates) {
    const theirs = bigramsOf(draft.truth.units[unit]!.paragraphs.filter((p) => p !== text).join('\n'));
    const shared = [...mine].filter((bigram) => theirs.has(bigram)).length;
    if (shared > bestShared) [best, bestShared] = [unit, shared];
  }
  return best;
}

/**
 * (d) Misplaced continuations: one to three continuation paragraphs (not answer starts) are
 * taken out of their answer and put among another answer's paragraphs. Half the time the other
 * answer is the one sharing the most character bigrams with the paragraph (an overlapping
 * topic). Sometimes the paragraph is copied instead of moved: the original stays, the copy
 * stands in the other answer. The truth does not change.
 */
export function misplaceContinuations(draft: Draft, random: Random): Defect | null {
  const notes: string[] = [];
  const units: number[] = [];
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    const sources = paragraphPositions(draft, (_, index) => index > 0);
    if (sources.length === 0) break;
    const source = random.pick(sources);
    const block = draft.blocks[source]!;
    if (block.role.kind !== 'paragraph') continue;
    const { unit, index } = block.role;
    const targets = draft.truth.units.flatMap((_, other) => (other !== unit && answerPositions(draft, other).length > 0 ? [other] : []));
    if (targets.length === 0) break;
    const byTopic = random.chance(0.5);
    const target = byTopic ? closestUnit(draft, block.lines[0]!.body, targets) : random.pick(targets);
    const copy = random.chance(0.3);
    if (!copy) draft.blocks.splice(source, 1);
    const after = answerPositions(draft, target).filter((position) => {
      const role = draft.blocks[position]!.role;
      return !(role.kind === 'piece' && role.part === 'head');
    });
    if (after.length === 0) {
      if (!copy) draft.blocks.splice(source, 0, block);
      continue;
    }
    draft.blocks.splice(random.pick(after) + 1, 0, copy ? copyBlock(block) : block);
    units.push(unit, target);
    notes.push(`${describeParagraph(draft, unit, index)} ${copy ? 'copied' : 'moved'} into the answer of unit ${target + 1}${byTopic ? ' (closest topic)' : ''}`);
  }
  if (notes.length === 0) return null;
  return { kind: 'misplaced-continuation', units: [...new Set(units)], description: notes.join('; ') };
}
