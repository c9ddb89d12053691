import { announcedLabels, followsInList, isListIntro, listLabel, opensList } from './list-structure.js';
import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import { keptParagraphs } from './remove-duplicates.js';

/** Disjoint sets of paragraph ids. */
class Groups {
  private readonly parent = new Map<number, number>();
  find(id: number): number {
    const up = this.parent.get(id);
    if (up === undefined || up === id) return id;
    const root = this.find(up);
    this.parent.set(id, root);
    return root;
  }
  join(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * The continuation paragraphs of a transcript in the groups that are placed together: the items
 * of one list where the file shows them together (an item directly followed by the next one,
 * 第一 → 第二; an intro directly followed by the item that opens its list; an intro that names
 * its items, 专业性、公正性和建设性：, with those items wherever they stand), and every other
 * paragraph on its own. Groups are in order of first appearance, their paragraphs too.
 * A list item standing far from its siblings is a group of its own; list evidence
 * (`listEvidence`) sends it to them.
 */
export function groupLists(transcript: DedupedTranscript): DistinctParagraph[][] {
  const { paragraphs, sequence } = transcript;
  const continuations = keptParagraphs(transcript, 'continuation');
  const intros = continuations.filter((p) => isListIntro(p.text)).map((p) => p.text);
  const groups = new Groups();
  for (let i = 0; i + 1 < sequence.length; i += 1) {
    const [a, b] = [paragraphs[sequence[i]!]!, paragraphs[sequence[i + 1]!]!];
    if (a.kind !== 'continuation' || b.kind !== 'continuation' || a.id === b.id) continue;
    const [labelA, labelB] = [listLabel(a.text), listLabel(b.text)];
    if (labelB !== null && ((labelA !== null && followsInList(labelA, labelB, intros)) || opensList(a.text, labelB))) groups.join(a.id, b.id);
  }
  for (const intro of continuations) {
    const named = announcedLabels(intro.text);
    if (named.length < 2) continue;
    for (const item of continuations) {
      const label = listLabel(item.text);
      if (item !== intro && label?.style === 'named' && named.includes(label.label)) groups.join(intro.id, item.id);
    }
  }
  const byRoot = new Map<number, DistinctParagraph[]>();
  for (const paragraph of continuations) {
    const root = groups.find(paragraph.id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), paragraph]);
  }
  return [...byRoot.values()];
}
