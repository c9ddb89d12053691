import { describeParagraph, insertionPositions, paragraphPositions, plainLine, type Draft } from './draft.js';
import type { Random } from './random.js';
import { charsOf, splitAt, suffixStarts } from './text-points.js';
import type { Defect } from './types.js';

/**
 * (i) Stray suffix fragments: the trailing 30-70 % of one or two paragraphs (starting after a
 * `，` when one is in range) is inserted as a line of its own somewhere among the answers. It
 * goes to `foreign`, unless it happens to equal a whole paragraph.
 */
export function insertStrayFragment(draft: Draft, random: Random): Defect | null {
  const sources = paragraphPositions(draft).filter((position) => charsOf(draft.blocks[position]!.lines[0]!.body).length >= 16);
  const chosen = random.sample(sources, random.int(1, 2));
  if (chosen.length === 0) return null;
  const fragments = chosen.map((position) => {
    const block = draft.blocks[position]!;
    const body = block.lines[0]!.body;
    const { afterComma, anywhere } = suffixStarts(body);
    const [, fragment] = splitAt(body, random.pick(afterComma.length > 0 ? afterComma : anywhere));
    return { role: block.role, fragment };
  });
  const notes: string[] = [];
  for (const { role, fragment } of fragments) {
    draft.blocks.splice(random.pick(insertionPositions(draft)), 0, { role: { kind: 'foreign', text: fragment }, lines: [plainLine(draft, fragment)] });
    if (role.kind === 'paragraph') notes.push(`the tail “${charsOf(fragment).slice(0, 8).join('')}…” of ${describeParagraph(draft, role.unit, role.index)}`);
  }
  return {
    kind: 'stray-fragment',
    units: fragments.flatMap(({ role }) => (role.kind === 'paragraph' ? [role.unit] : [])),
    description: `stray ${notes.join('; ')}`,
  };
}
