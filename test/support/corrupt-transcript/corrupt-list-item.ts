import { describeParagraph, insertionPositions, isTruthParagraph, occurrences, paragraphPositions, plainLine, type Draft } from './draft.js';
import type { Block } from './line-model.js';
import { listLabelOf, siblingLabels } from './list-items.js';
import type { Random } from './random.js';
import { charsOf } from './text-points.js';
import type { Defect } from './types.js';

const HAN = /\p{Script=Han}/u;

/** Replaces one to three Han characters after `from` by other Han characters of the transcript. */
function substitute(text: string, from: number, pool: readonly string[], random: Random): string {
  const chars = charsOf(text);
  const positions = chars.flatMap((char, position) => (position >= from && HAN.test(char) ? [position] : []));
  for (const position of random.sample(positions, random.int(1, 3))) {
    const others = pool.filter((char) => char !== chars[position]);
    if (others.length > 0) chars[position] = random.pick(others);
  }
  return chars.join('');
}

/**
 * (h) Corrupt near-copies of a list item, in the majority: a list item paragraph (一是, 第二,
 * 其次, 公正性是指 …) that stands once gets two identical corrupt copies elsewhere in the
 * answers: its label replaced by a sibling item's label (so it repeats a sibling's), and/or one
 * to three characters substituted. The original stays once; the corrupt text goes to `foreign`.
 */
export function corruptListItem(draft: Draft, random: Random): Defect | null {
  const items = paragraphPositions(draft, (unit, index) => {
    const text = draft.truth.units[unit]!.paragraphs[index]!;
    return listLabelOf(text) !== null && occurrences(draft, unit, index) === 1;
  });
  if (items.length === 0) return null;
  const block = draft.blocks[random.pick(items)]!;
  if (block.role.kind !== 'paragraph') return null;
  const { unit, index } = block.role;
  const paragraphs = draft.truth.units[unit]!.paragraphs;
  const original = paragraphs[index]!;
  const label = listLabelOf(original)!;
  const siblings = siblingLabels(paragraphs, label);
  const pool = [...new Set(charsOf(draft.truth.units.flatMap((u) => u.paragraphs).join('')).filter((char) => HAN.test(char)))];
  let corrupt = original;
  for (let attempt = 0; attempt < 5 && (corrupt === original || isTruthParagraph(draft, corrupt)); attempt++) {
    const relabel = siblings.length > 0 && random.chance(0.7);
    const newLabel = relabel ? random.pick(siblings) : label.label;
    corrupt = newLabel + original.slice(label.label.length);
    if (!relabel || random.chance(0.4)) corrupt = substitute(corrupt, charsOf(newLabel).length, pool, random);
  }
  if (corrupt === original || isTruthParagraph(draft, corrupt)) return null;
  const copy = (): Block => ({ role: { kind: 'foreign', text: corrupt }, lines: [{ ...plainLine(draft, corrupt), label: block.lines[0]!.label }] });
  const positions = random.sample(insertionPositions(draft), 2).sort((a, b) => b - a);
  for (const position of positions) draft.blocks.splice(position, 0, copy());
  draft.outvoted = { unit, index, corrupt };
  return {
    kind: 'corrupt-list-item',
    units: [unit],
    description: `two corrupt copies of ${describeParagraph(draft, unit, index)}: “${charsOf(corrupt).slice(0, 12).join('')}…”`,
  };
}
