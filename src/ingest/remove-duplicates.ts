import type { Block, BlockKind, Piece } from './parse-transcript.js';
import { bodyOf } from './parse-transcript.js';
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
/** Paragraphs shorter than this are not compared as near-copies (too little text to judge). */
const NEAR_DUPLICATE_MIN_LENGTH = 20;
/** Fragments shorter than this are kept: a short phrase inside a long paragraph may be a real paragraph. */
const FRAGMENT_MIN_LENGTH = 4;

/**
 * The list label a paragraph starts with: `第二`, `首先`, or a short term before 是指/：/，
 * (`专业性是指…` → `专业性`). Null when it starts with none.
 */
export function listLabel(text: string): string | null {
  const match = /^(第[一二三四五六七八九十]+|[一二三四五六七八九十]+(?=、)|首先|其次|再次|最后|[\p{Script=Han}]{2,6}?(?=是指|：|:))/u.exec(text);
  return match ? match[1]! : null;
}

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

interface Verdict {
  corrupt: DistinctParagraph;
  kept: DistinctParagraph;
  reason: string;
  weak: boolean;
}

/**
 * Decides which of two near-copies is corrupt. A list label that repeats the label of another
 * paragraph (a sibling item) marks the corrupt copy (`专业性是指…` twice, `建设性是指…` missing);
 * otherwise the copy seen more often is kept, and the verdict is reported as weak.
 */
function judgeNearCopies(a: DistinctParagraph, b: DistinctParagraph, others: readonly DistinctParagraph[]): Verdict {
  const labelA = listLabel(a.text);
  const labelB = listLabel(b.text);
  if (labelA !== labelB) {
    const used = (label: string | null): DistinctParagraph | undefined =>
      label === null ? undefined : others.find((other) => listLabel(other.text) === label);
    const siblingA = used(labelA);
    const siblingB = used(labelB);
    if (siblingA && !siblingB) {
      return { corrupt: a, kept: b, weak: false, reason: `its list label “${labelA}” repeats the label of ${excerpt(siblingA.text)} (line ${siblingA.lines[0]}), and “${labelB ?? ''}” is used by no other item` };
    }
    if (siblingB && !siblingA) {
      return { corrupt: b, kept: a, weak: false, reason: `its list label “${labelB}” repeats the label of ${excerpt(siblingB.text)} (line ${siblingB.lines[0]}), and “${labelA ?? ''}” is used by no other item` };
    }
  }
  const [kept, corrupt] = b.lines.length > a.lines.length ? [b, a] : [a, b];
  return { corrupt, kept, weak: true, reason: `no structural evidence; kept the copy seen ${kept.lines.length} time(s) against ${corrupt.lines.length}` };
}

/**
 * Stage 3. Removes exact duplicates (keeping every place they occur as evidence of position),
 * resolves near-copies that differ in a few characters (see `judgeNearCopies`), and drops
 * fragments: paragraphs contained in a longer kept paragraph (a stray suffix, a truncated tail,
 * an unjoined piece of a split paragraph). Questions are deduplicated exactly and never
 * dropped as fragments.
 */
export function removeDuplicates(blocks: readonly Block[]): StageResult<DedupedTranscript> {
  const report: ReportEntry[] = [];
  const byText = new Map<string, DistinctParagraph>();
  const occurrences: number[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'lead') continue;
    let paragraph = byText.get(block.text);
    if (!paragraph) {
      paragraph = { id: byText.size, kind: block.kind, text: block.text, labelLength: block.labelLength, who: block.who, pieces: block.pieces, lines: [] };
      byText.set(block.text, paragraph);
    }
    paragraph.lines.push(block.pieces[0]!.line);
    occurrences.push(paragraph.id);
  }
  const paragraphs = [...byText.values()];
  for (const paragraph of paragraphs) {
    if (paragraph.lines.length > 1) {
      report.push({
        stage: 'dedupe',
        action: paragraph.kind === 'question' ? 'drop-question-duplicate' : 'drop-duplicate',
        lines: paragraph.lines,
        detail: `${excerpt(paragraph.text)} occurs ${paragraph.lines.length} times; kept once (first at line ${paragraph.lines[0]}).`,
      });
    }
  }

  const dropped = new Set<number>();
  const answers = paragraphs.filter((p) => p.kind !== 'question');

  // Near-copies.
  for (let i = 0; i < answers.length; i += 1) {
    for (let j = i + 1; j < answers.length; j += 1) {
      const a = answers[i]!;
      const b = answers[j]!;
      if (dropped.has(a.id) || dropped.has(b.id) || a.kind !== b.kind) continue;
      const la = length(a.text);
      const lb = length(b.text);
      if (Math.min(la, lb) < NEAR_DUPLICATE_MIN_LENGTH) continue;
      const limit = Math.max(NEAR_DUPLICATE_MIN_EDITS, Math.floor(Math.max(la, lb) * NEAR_DUPLICATE_MAX_EDIT_RATIO));
      if (Math.abs(la - lb) > limit || bigramJaccard(a.text, b.text) < 0.5) continue;
      const distance = editDistance(a.text, b.text, limit);
      if (distance > limit) continue;
      const others = answers.filter((p) => p !== a && p !== b && !dropped.has(p.id));
      const verdict = judgeNearCopies(a, b, others);
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

  return {
    value: { paragraphs, sequence: occurrences.filter((id) => !dropped.has(id)) },
    report,
  };
}
