import { describeParagraph, paragraphPositions, type Draft } from './draft.js';
import type { Block } from './line-model.js';
import type { Random } from './random.js';
import { commaSplits, midWordSplits, splitAt } from './text-points.js';
import type { Defect } from './types.js';

/**
 * (c) Split paragraphs: one to four paragraphs are broken in two lines, mid-word (between two
 * word characters) or right after a `，`/`、`, with or without a blank line between the pieces.
 * The label stays on the first piece; a translation line follows the second. The truth does
 * not change: the paragraph is exactly the concatenation of its pieces.
 */
export function splitParagraphs(draft: Draft, random: Random): Defect | null {
  const splittable = (position: number) => {
    const body = draft.blocks[position]!.lines[0]!.body;
    return midWordSplits(body).length > 0 || commaSplits(body).length > 0;
  };
  const chosen = random.sample(paragraphPositions(draft).filter(splittable), random.int(1, 4));
  if (chosen.length === 0) return null;
  const notes: string[] = [];
  const units: number[] = [];
  for (const position of chosen.sort((a, b) => b - a)) {
    const block = draft.blocks[position]!;
    if (block.role.kind !== 'paragraph') continue;
    const body = block.lines[0]!.body;
    const afterComma = commaSplits(body);
    const midWord = midWordSplits(body);
    const useComma = afterComma.length > 0 && (midWord.length === 0 || random.chance(0.5));
    const [head, tail] = splitAt(body, random.pick(useComma ? afterComma : midWord));
    const { unit, index } = block.role;
    const first = block.lines[0]!;
    const headBlock: Block = { role: { kind: 'piece', unit, index, part: 'head' }, lines: [{ ...first, body: head, trailing: '' }] };
    const tailBlock: Block = {
      role: { kind: 'piece', unit, index, part: 'tail' },
      lines: [{ gapBefore: random.chance(0.5) ? 0 : Math.max(1, first.gapBefore), indent: first.indent, label: '', body: tail, trailing: first.trailing }, ...block.lines.slice(1)],
    };
    draft.blocks.splice(position, 1, headBlock, tailBlock);
    units.push(unit);
    notes.push(`${describeParagraph(draft, unit, index)} ${useComma ? 'after a comma' : 'mid-word'} (…${head.slice(-3)} | ${tail.slice(0, 3)}…)`);
  }
  return { kind: 'split-paragraph', units: units.reverse(), description: `split ${notes.reverse().join('; ')}` };
}
