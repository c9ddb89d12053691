import { normalizeForMatching, type Analyzer } from '../text/index.js';
import { followsInList, isListIntro, listLabel, opensList, type ListLabel } from './list-structure.js';
import type { Block, BlockKind, Piece } from './parse-transcript.js';
import { bodyOf, isTerminated } from './parse-transcript.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { editDistance, features } from './text-similarity.js';

/** A distinct paragraph with every place it occurs. */
export interface DistinctParagraph {
  id: number;
  kind: BlockKind;
  text: string;
  labelLength: number;
  who: string | null;
  /** Pieces of its first occurrence. */
  pieces: Piece[];
  /** First line of each occurrence, in file order. */
  lines: number[];
  /** Bilingual transcripts: the English translation of the paragraph (of its first occurrence that has one), or null. */
  translation: string | null;
}

/** The transcript as distinct paragraphs and the order their kept occurrences appear in. */
export interface DedupedTranscript {
  paragraphs: DistinctParagraph[];
  /** Paragraph ids of kept occurrences, in file order (a paragraph repeated appears again). */
  sequence: number[];
}

/** Near-copies: at most this share of characters differs (or two characters, whichever is more). */
const NEAR_DUPLICATE_MAX_EDIT_RATIO = 0.05;
const NEAR_DUPLICATE_MIN_EDITS = 2;
/**
 * List items of one style are compared after their labels, allowing this many edits at least:
 * a corrupt copy of a list item may carry a sibling's label and a few wrong characters.
 */
const LIST_ITEM_MIN_EDITS = 3;
/** Paragraphs shorter than this are not compared as near-copies (too little text to judge). */
const NEAR_DUPLICATE_MIN_LENGTH = 20;
/** Fragments shorter than this are kept: a short phrase inside a long paragraph may be a real paragraph. */
const FRAGMENT_MIN_LENGTH = 4;

/** The kept paragraphs of one kind, in order of first appearance. */
export function keptParagraphs(transcript: DedupedTranscript, kind: BlockKind): DistinctParagraph[] {
  return [...new Set(transcript.sequence)].map((id) => transcript.paragraphs[id]!).filter((p) => p.kind === kind);
}

function length(text: string): number {
  return Array.from(text).length;
}

function bigramJaccard(a: string, b: string): number {
  const x = new Set(features(a));
  const y = new Set(features(b));
  let shared = 0;
  for (const term of x) if (y.has(term)) shared += 1;
  return shared / Math.max(1, x.size + y.size - shared);
}

/** Character bigrams of a text (folded), as a multiset. */
function bigrams(text: string): Map<string, number> {
  const chars = Array.from(normalizeForMatching(text));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Bigrams of `a` that `b` lacks (multiset difference). */
function bigramsOnlyIn(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [gram, count] of a) for (let i = b.get(gram) ?? 0; i < count; i += 1) out.push(gram);
  return out;
}

/**
 * How many edits two paragraphs differ by, when they are near-copies; null when they are not.
 * List items of one style are compared after their labels (`三是X` and `二是X′` are near-copies
 * when X and X′ differ in at most three characters, or 5%); other paragraphs as a whole (at
 * most 5% of characters, at least 2).
 */
export function nearCopyDistance(a: string, b: string): number | null {
  const [la, lb] = [length(a), length(b)];
  if (Math.min(la, lb) < NEAR_DUPLICATE_MIN_LENGTH) return null;
  const ratioLimit = Math.floor(Math.max(la, lb) * NEAR_DUPLICATE_MAX_EDIT_RATIO);
  const labelA = listLabel(a);
  const labelB = listLabel(b);
  const [x, y, limit] =
    labelA !== null && labelB !== null && labelA.style === labelB.style
      ? [a.slice(labelA.label.length), b.slice(labelB.label.length), Math.max(LIST_ITEM_MIN_EDITS, ratioLimit)]
      : [a, b, Math.max(NEAR_DUPLICATE_MIN_EDITS, ratioLimit)];
  if (Math.abs(length(x) - length(y)) > limit || bigramJaccard(a, b) < 0.5) return null;
  const distance = editDistance(x, y, limit);
  return distance > limit ? null : distance + (labelA?.label === labelB?.label ? 0 : 1);
}

/** What the near-copy judge reads besides the two copies. */
export interface CopyContext {
  /** The other kept answer paragraphs (continuations and starts), not the two copies. */
  others: readonly DistinctParagraph[];
  /** Answer starts each paragraph stands after (by id), over all its occurrences. */
  owners: ReadonlyMap<number, ReadonlySet<number>>;
  /** Kept paragraph ids in file order, questions included. */
  sequence: readonly number[];
  paragraphs: readonly DistinctParagraph[];
  /** How often each bigram occurs in the transcript outside the two copies. */
  background: (gram: string) => number;
  /** True for a word of the Chinese dictionary. */
  isWord: (word: string) => boolean;
  /** A text's words as jieba's exact mode cuts it (folded first, so either script reads alike). */
  words: (text: string) => string[];
  /** How specific a word is in Chinese at large (`Analyzer.specificity`): low for common words. */
  specificity: (word: string) => number;
}

/** Which of two near-copies is corrupt, and on what evidence. */
export interface CopyVerdict {
  corrupt: DistinctParagraph;
  kept: DistinctParagraph;
  reason: string;
  /** True when only the majority decided. */
  weak: boolean;
}

type Judged = { corrupt: 'a' | 'b'; reason: string } | null;

/**
 * A list label that repeats a sibling's marks the corrupt copy (`三是X` when the list already
 * has its 三是; `专业性是指…` twice, `建设性是指…` missing). Siblings are looked for first in the
 * answer the other copy stands in (its list), then anywhere.
 */
function bySiblingLabel(a: DistinctParagraph, b: DistinctParagraph, context: CopyContext): Judged {
  const [labelA, labelB] = [listLabel(a.text), listLabel(b.text)];
  if (labelA === null || labelB === null || labelA.label === labelB.label) return null;
  const sharesAnswer = (p: DistinctParagraph, q: DistinctParagraph): boolean =>
    [...(context.owners.get(p.id) ?? [])].some((owner) => context.owners.get(q.id)?.has(owner) ?? false);
  const repeats = (label: ListLabel, other: DistinctParagraph, local: boolean): DistinctParagraph | undefined =>
    context.others.find((p) => {
      const own = listLabel(p.text);
      return own !== null && own.style === label.style && own.label === label.label && (!local || sharesAnswer(p, other));
    });
  for (const local of [true, false]) {
    const siblingA = repeats(labelA, b, local);
    const siblingB = repeats(labelB, a, local);
    const where = local ? 'in the list of the other copy' : 'in the transcript';
    if (siblingA && !siblingB) return { corrupt: 'a', reason: `its list label “${labelA.label}” repeats the label of ${excerpt(siblingA.text)} (line ${siblingA.lines[0]}) ${where}, and “${labelB.label}” is used by no other item there` };
    if (siblingB && !siblingA) return { corrupt: 'b', reason: `its list label “${labelB.label}” repeats the label of ${excerpt(siblingB.text)} (line ${siblingB.lines[0]}) ${where}, and “${labelA.label}” is used by no other item there` };
  }
  return null;
}

/** Share of a paragraph's occurrences that stand in list order: after the item (or intro) before it, or before the item after it. */
function listOrderShare(paragraph: DistinctParagraph, context: CopyContext): number {
  const label = listLabel(paragraph.text);
  if (label === null) return 0;
  const intros = context.others.filter((p) => isListIntro(p.text)).map((p) => p.text);
  let inOrder = 0;
  let total = 0;
  context.sequence.forEach((id, at) => {
    if (id !== paragraph.id) return;
    total += 1;
    const before = context.paragraphs[context.sequence[at - 1] ?? -1];
    const after = context.paragraphs[context.sequence[at + 1] ?? -1];
    const beforeLabel = before ? listLabel(before.text) : null;
    const afterLabel = after ? listLabel(after.text) : null;
    if (
      (beforeLabel !== null && followsInList(beforeLabel, label, intros)) ||
      (before !== undefined && opensList(before.text, label)) ||
      (afterLabel !== null && followsInList(label, afterLabel, intros))
    ) {
      inOrder += 1;
    }
  });
  return total === 0 ? 0 : inOrder / total;
}

/** A copy that stands in its list's order (二是 between 一是 and 三是) is the original; one dropped at random is not. */
function byListOrder(a: DistinctParagraph, b: DistinctParagraph, context: CopyContext): Judged {
  const [shareA, shareB] = [listOrderShare(a, context), listOrderShare(b, context)];
  if (Math.abs(shareA - shareB) < 0.5) return null;
  const [corrupt, kept, keptShare] = shareA > shareB ? (['b', a, shareA] as const) : (['a', b, shareB] as const);
  return { corrupt, reason: `${excerpt(kept.text)} stands in its list's order (${Math.round(keptShare * 100)}% of its copies) and the other does not` };
}

/**
 * The text after its list label (`三是`, `第三，`), or the whole text when it has none: labels are
 * words whichever number they carry, so they say nothing about which copy's wording is damaged
 * (`bySiblingLabel` judges them).
 * `afterListLabel('三是深化合作。') → '深化合作。'`.
 */
export function afterListLabel(text: string): string {
  const label = listLabel(text);
  return label === null ? text : text.slice(label.label.length);
}

/**
 * True when the known words where two copies differ tell them apart: by two or more, or by one
 * when the other side makes none at all (a single wrong character breaks the one word it falls
 * in, 矿产 → 前产, and leaves nothing known on its side).
 * `wordingDecides(1, 0) → true`, `wordingDecides(2, 1) → false`, `wordingDecides(3, 1) → true`.
 */
export function wordingDecides(supportA: number, supportB: number): boolean {
  const [weaker, stronger] = supportA < supportB ? [supportA, supportB] : [supportB, supportA];
  return stronger - weaker >= 2 || (weaker === 0 && stronger >= 1);
}

/**
 * Where two copies differ, the original's characters make words: its bigrams occur elsewhere in
 * the transcript or are dictionary words, while wrong characters make pairs that occur nowhere.
 */
function byWording(a: DistinctParagraph, b: DistinctParagraph, context: CopyContext): Judged {
  const [gramsA, gramsB] = [bigrams(afterListLabel(a.text)), bigrams(afterListLabel(b.text))];
  const support = (grams: string[]): number => grams.filter((gram) => context.background(gram) > 0 || context.isWord(gram)).length;
  const [onlyA, onlyB] = [bigramsOnlyIn(gramsA, gramsB), bigramsOnlyIn(gramsB, gramsA)];
  const [supportA, supportB] = [support(onlyA), support(onlyB)];
  if (!wordingDecides(supportA, supportB)) return null;
  const [corrupt, weaker, stronger] = supportA > supportB ? (['b', onlyB, onlyA] as const) : (['a', onlyA, onlyB] as const);
  const shown = (grams: readonly string[]): string => grams.slice(0, 6).join(' ');
  return {
    corrupt,
    reason: `where the copies differ, its character pairs (${shown(weaker)}) make ${Math.min(supportA, supportB)} known words against ${Math.max(supportA, supportB)} (${shown(stronger)})`,
  };
}

/** Items of `a` that `b` lacks, counted as a multiset: `wordsOnlyIn(['岛国', '是'], ['岛', '困', '是'])` → `['岛国']`. */
function wordsOnlyIn(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const word of b) left.set(word, (left.get(word) ?? 0) + 1);
  return a.filter((word) => {
    const count = left.get(word) ?? 0;
    if (count > 0) left.set(word, count - 1);
    return count === 0;
  });
}

/** Words whose summed specificity differs by less than this are equally common (single characters all weigh 0.2). */
const WORDS_SPECIFICITY_MARGIN = 0.1;

/**
 * Which copy's differing stretch reads as a word sequence of its own: where they differ, a
 * wrong character breaks the word it falls in into pieces (岛国 → 岛 困, 贸易往来 → 碑 易 往来),
 * so the original cuts into fewer words; at equal counts, the original's words are the more
 * common in Chinese at large (改善 against 改元: lower specificity). It speaks where `byWording`
 * cannot: when each side's character pairs make as many known words (行动 and 转动 in 制定行动计划 /
 * 制定转动计划, which cut into 行动计划 against 转动 计划). On the tuning half, where both speak,
 * the two never disagree.
 * `wordsDecide(['行动计划'], ['转动', '计划'], …)` → `'b'` (the second is corrupt).
 */
export function wordsDecide(onlyA: readonly string[], onlyB: readonly string[], specificity: (word: string) => number): 'a' | 'b' | null {
  if (onlyA.length !== onlyB.length) return onlyA.length > onlyB.length ? 'a' : 'b';
  const weight = (words: readonly string[]): number => words.reduce((sum, word) => sum + specificity(word), 0);
  const [weightA, weightB] = [weight(onlyA), weight(onlyB)];
  if (Math.abs(weightA - weightB) < WORDS_SPECIFICITY_MARGIN) return null;
  return weightA > weightB ? 'a' : 'b';
}

/** The copy whose differing stretch cuts into fewer, or more common, words is the original (`wordsDecide`). */
function byWords(a: DistinctParagraph, b: DistinctParagraph, context: CopyContext): Judged {
  const [wordsA, wordsB] = [context.words(afterListLabel(a.text)), context.words(afterListLabel(b.text))];
  const [onlyA, onlyB] = [wordsOnlyIn(wordsA, wordsB), wordsOnlyIn(wordsB, wordsA)];
  if (onlyA.length === 0 && onlyB.length === 0) return null;
  const corrupt = wordsDecide(onlyA, onlyB, context.specificity);
  if (corrupt === null) return null;
  const [weaker, stronger] = corrupt === 'a' ? [onlyA, onlyB] : [onlyB, onlyA];
  return {
    corrupt,
    reason:
      weaker.length === stronger.length
        ? `where the copies differ, its words (${weaker.slice(0, 6).join(' ')}) are rarer in Chinese than the other's (${stronger.slice(0, 6).join(' ')})`
        : `where the copies differ, it cuts into ${weaker.length} words (${weaker.slice(0, 6).join(' ')}) against ${stronger.length} (${stronger.slice(0, 6).join(' ')})`,
  };
}

/**
 * Decides which of two near-copies is corrupt, on the first evidence that speaks: a list label
 * that repeats a sibling's (`bySiblingLabel`), the wording where they differ (`byWording`, then
 * `byWords`: the text itself shows the damage), then the list's order (`byListOrder`: where the
 * copies stand, which a misplaced original can mislead); only without any of these does the copy
 * seen more often win, reported as a weak verdict.
 */
export function judgeNearCopies(a: DistinctParagraph, b: DistinctParagraph, context: CopyContext): CopyVerdict {
  for (const judge of [bySiblingLabel, byWording, byWords, byListOrder]) {
    const judged = judge(a, b, context);
    if (judged) return judged.corrupt === 'a' ? { corrupt: a, kept: b, reason: judged.reason, weak: false } : { corrupt: b, kept: a, reason: judged.reason, weak: false };
  }
  const [kept, corrupt] = b.lines.length > a.lines.length ? [b, a] : [a, b];
  return { corrupt, kept, weak: true, reason: `no structural evidence; kept the copy seen ${kept.lines.length} time(s) against ${corrupt.lines.length}` };
}

/** Distinct paragraphs with every place they occur, and the occurrences in file order (heading and lead left out). */
function collectDistinct(blocks: readonly Block[]): { paragraphs: DistinctParagraph[]; occurrences: number[]; report: ReportEntry[] } {
  const byText = new Map<string, DistinctParagraph>();
  const occurrences: number[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'lead') continue;
    let paragraph = byText.get(block.text);
    if (!paragraph) {
      paragraph = { id: byText.size, kind: block.kind, text: block.text, labelLength: block.labelLength, who: block.who, pieces: block.pieces, lines: [], translation: block.translation };
      byText.set(block.text, paragraph);
    }
    paragraph.translation ??= block.translation;
    paragraph.lines.push(block.pieces[0]!.line);
    occurrences.push(paragraph.id);
  }
  const paragraphs = [...byText.values()];
  const report: ReportEntry[] = paragraphs
    .filter((paragraph) => paragraph.lines.length > 1)
    .map((paragraph) => ({
      stage: 'dedupe',
      action: paragraph.kind === 'question' ? 'drop-question-duplicate' : 'drop-duplicate',
      lines: paragraph.lines,
      detail: `${excerpt(paragraph.text)} occurs ${paragraph.lines.length} times; kept once (first at line ${paragraph.lines[0]}).`,
    }));
  return { paragraphs, occurrences, report };
}

/** For each paragraph, the answer starts its occurrences stand after. */
function ownersOf(paragraphs: readonly DistinctParagraph[], occurrences: readonly number[]): Map<number, Set<number>> {
  const owners = new Map<number, Set<number>>();
  let owner: number | null = null;
  for (const id of occurrences) {
    if (paragraphs[id]!.kind === 'answer-start') owner = id;
    if (owner === null) continue;
    const set = owners.get(id) ?? new Set<number>();
    set.add(owner);
    owners.set(id, set);
  }
  return owners;
}

/**
 * The file's last paragraph when it is a repeat cut short: unfinished (no sentence end), seen
 * once, and contained in a longer paragraph or question of the file. A cut can leave a piece of
 * any length (`谢谢` of `…？谢谢。`), so, unlike other fragments, no minimum length applies; a
 * finished last paragraph, or one found nowhere else, is kept.
 * `truncatedTail([…'谢谢大家。'…, '谢谢大'], […, id of '谢谢大'])` → `{ fragment: '谢谢大', container: '谢谢大家。' }`.
 */
export function truncatedTail(
  paragraphs: readonly DistinctParagraph[],
  sequence: readonly number[],
): { fragment: DistinctParagraph; container: DistinctParagraph } | null {
  const last = paragraphs[sequence.at(-1) ?? -1];
  if (last === undefined || last.kind !== 'continuation' || last.lines.length > 1 || isTerminated(last.text)) return null;
  const body = bodyOf(last);
  if (body.length === 0) return null;
  const container = paragraphs.find((other) => other !== last && length(other.text) > length(last.text) && bodyOf(other).includes(body));
  return container === undefined ? null : { fragment: last, container };
}

/**
 * Stage 3. Removes exact duplicates (keeping every place they occur as evidence of position),
 * resolves near-copies that differ in a few characters (see `nearCopyDistance`,
 * `judgeNearCopies`), and drops fragments: paragraphs contained in a longer kept paragraph (a
 * stray suffix, a truncated tail, an unjoined piece of a split paragraph). Questions are
 * deduplicated exactly and never dropped as fragments.
 */
export function removeDuplicates(blocks: readonly Block[], analyzer: Analyzer): StageResult<DedupedTranscript> {
  const { paragraphs, occurrences, report } = collectDistinct(blocks);
  const dropped = new Set<number>();
  const answers = paragraphs.filter((p) => p.kind !== 'question');
  const owners = ownersOf(paragraphs, occurrences);
  const gramsOf = new Map(paragraphs.map((p) => [p.id, bigrams(bodyOf(p))]));
  const total = new Map<string, number>();
  for (const grams of gramsOf.values()) for (const [gram, count] of grams) total.set(gram, (total.get(gram) ?? 0) + count);
  const isWord = (gram: string): boolean => analyzer.cutAll(gram).includes(gram);
  const words = (text: string): string[] => analyzer.words(normalizeForMatching(text));
  const specificity = (word: string): number => analyzer.specificity(word);

  // Near-copies.
  for (let i = 0; i < answers.length; i += 1) {
    for (let j = i + 1; j < answers.length; j += 1) {
      const a = answers[i]!;
      const b = answers[j]!;
      if (dropped.has(a.id) || dropped.has(b.id) || a.kind !== b.kind) continue;
      const distance = nearCopyDistance(bodyOf(a), bodyOf(b));
      if (distance === null) continue;
      const [gramsA, gramsB] = [gramsOf.get(a.id)!, gramsOf.get(b.id)!];
      const context: CopyContext = {
        others: answers.filter((p) => p !== a && p !== b && !dropped.has(p.id)),
        owners,
        sequence: occurrences.filter((id) => !dropped.has(id)),
        paragraphs,
        background: (gram) => (total.get(gram) ?? 0) - (gramsA.get(gram) ?? 0) - (gramsB.get(gram) ?? 0),
        isWord,
        words,
        specificity,
      };
      const verdict = judgeNearCopies(a, b, context);
      dropped.add(verdict.corrupt.id);
      report.push({
        stage: 'dedupe',
        action: 'near-duplicate',
        lines: [...verdict.corrupt.lines, ...verdict.kept.lines],
        detail: `${excerpt(verdict.corrupt.text)} (line ${verdict.corrupt.lines.join(', ')}) and ${excerpt(verdict.kept.text)} (line ${verdict.kept.lines.join(', ')}) differ in ${distance} character(s); ${verdict.weak ? 'weak verdict: ' : ''}the first is corrupt because ${verdict.reason}.`,
      });
      report.push({
        stage: 'dedupe',
        action: 'drop-corrupt',
        lines: verdict.corrupt.lines,
        detail: `Dropped corrupt copy ${excerpt(verdict.corrupt.text)}; kept ${excerpt(verdict.kept.text)} (line ${verdict.kept.lines[0]}).`,
      });
    }
  }

  // Fragments, judged against kept paragraphs only, longest first so a fragment's container is itself kept.
  const byLength = answers.filter((p) => !dropped.has(p.id)).sort((a, b) => length(b.text) - length(a.text));
  for (const fragment of [...byLength].reverse()) {
    if (length(fragment.text) < FRAGMENT_MIN_LENGTH) continue;
    const container = byLength.find(
      (other) => other !== fragment && !dropped.has(other.id) && length(other.text) > length(fragment.text) && bodyOf(other).includes(bodyOf(fragment)) && (fragment.kind !== 'answer-start' || other.kind === 'answer-start'),
    );
    if (!container) continue;
    dropped.add(fragment.id);
    report.push({
      stage: 'dedupe',
      action: 'drop-fragment',
      lines: fragment.lines,
      detail: `Dropped ${excerpt(fragment.text)}: it is contained in ${excerpt(container.text)} (line ${container.lines[0]}).`,
    });
  }

  const tail = truncatedTail(paragraphs, occurrences.filter((id) => !dropped.has(id)));
  if (tail) {
    dropped.add(tail.fragment.id);
    report.push({
      stage: 'dedupe',
      action: 'drop-fragment',
      lines: tail.fragment.lines,
      detail: `Dropped ${excerpt(tail.fragment.text)}: the file ends with it unfinished, and it is part of ${excerpt(tail.container.text)} (line ${tail.container.lines[0]}): a repeat cut short.`,
    });
  }

  return {
    value: { paragraphs, sequence: occurrences.filter((id) => !dropped.has(id)) },
    report,
  };
}
