import { announcedLabels, followsInList, isListIntro, listLabel, opensList, type ListLabel } from './list-structure.js';
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

/**
 * True when list labels make one whole list: two or more, of one style, no label twice, and
 * numbers running from the first without a gap (一是, 二是, 三是 in any order; 首先, 其次,
 * 最后 — 最后 closes any run). Named labels (专业性是指…) have no numbers and never do.
 * The labels of 一是…, 三是…, 二是… → true; of 一是…, 三是… → false (二是 is missing); of
 * 二是…, 三是… → false (no 一是); of 一是…, 一是… → false.
 */
export function isWholeList(labels: readonly ListLabel[]): boolean {
  if (labels.length < 2 || new Set(labels.map((l) => l.style)).size !== 1 || new Set(labels.map((l) => l.label)).size !== labels.length) return false;
  const ordinals = labels.map((l) => l.ordinal);
  if (ordinals.some((o) => o === null)) return false;
  const numbers = (ordinals as number[]).filter((o) => o !== 99).sort((a, b) => a - b);
  return numbers.every((o, i) => o === i + 1);
}

/**
 * Joins the two parts of one list that the file split between two answers (一是 and 二是 after
 * one question, 三是 after another), so that the list is placed as one, by the evidence of all
 * its items: two groups (`groups`, standing in the answers `stands` gives, by position) whose
 * items, of one style, are the only items of that style in their answers, and which together
 * make one whole list (`isWholeList`: so neither is a list of its own that merely shares the
 * style), when neither would make a whole list with another answer's items too. Numbering that
 * runs on from one answer into another is rarely a coincidence; which part was displaced, the
 * evidence for the whole list decides. Other groups are returned as they are, in order.
 * `joinSplitLists([[一是…, 二是…], [三是…], [两国…]], [1, 2, 2])` → `[[一是…, 二是…, 三是…], [两国…]]`.
 */
export function joinSplitLists(groups: readonly DistinctParagraph[][], stands: readonly (number | null)[]): DistinctParagraph[][] {
  const items = groups.map((group) => group.map((p) => listLabel(p.text)).filter((label): label is ListLabel => label !== null && label.style !== 'named'));
  const styleOf = items.map((labels) => (labels.length > 0 && new Set(labels.map((l) => l.style)).size === 1 ? labels[0]!.style : null));
  // The groups holding items of each style, by the answer they stand in.
  const byAnswer = new Map<string, number[]>();
  groups.forEach((_, g) => {
    if (styleOf[g] === null || stands[g] === null) return;
    const key = `${styleOf[g]}@${stands[g]}`;
    byAnswer.set(key, [...(byAnswer.get(key) ?? []), g]);
  });
  // A part: the only group of its style in its answer.
  const parts = groups.flatMap((_, g) => (styleOf[g] !== null && stands[g] !== null && byAnswer.get(`${styleOf[g]}@${stands[g]}`)!.length === 1 ? [g] : []));
  const partners = new Map<number, number[]>();
  for (const a of parts) {
    for (const b of parts) {
      if (b <= a || styleOf[a] !== styleOf[b] || stands[a] === stands[b]) continue;
      if (!isWholeList([...items[a]!, ...items[b]!])) continue;
      partners.set(a, [...(partners.get(a) ?? []), b]);
      partners.set(b, [...(partners.get(b) ?? []), a]);
    }
  }
  const joined = new Set<number>();
  const out: DistinctParagraph[][] = [];
  groups.forEach((group, g) => {
    if (joined.has(g)) return;
    const mates = partners.get(g) ?? [];
    const mate = mates.length === 1 && partners.get(mates[0]!)!.length === 1 ? mates[0]! : null;
    if (mate === null) {
      out.push([...group]);
      return;
    }
    joined.add(mate);
    out.push([...group, ...groups[mate]!]);
  });
  return out;
}
