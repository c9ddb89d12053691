import type { Block } from './parse-transcript.js';
import { isTerminated, translationBody } from './parse-transcript.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';

/** Joins two pieces of a paragraph; in a bilingual transcript the translation follows the last piece. */
function mergeBlocks(head: Block, tail: Block): Block {
  const tailTranslation = tail.translation === null ? null : translationBody(tail.translation, head.labelLength > 0);
  const translations = [head.translation, tailTranslation].filter((text): text is string => text !== null);
  return { ...head, text: head.text + tail.text, pieces: [...head.pieces, ...tail.pieces], translation: translations.length > 0 ? translations.join('\n') : null };
}

function canContinue(block: Block | undefined): block is Block {
  return block !== undefined && block.kind === 'continuation';
}

function isOpen(block: Block): boolean {
  return (block.kind === 'answer-start' || block.kind === 'continuation' || block.kind === 'question') && !isTerminated(block.text);
}

/** True when `text` stands inside a longer paragraph of the transcript: a stray piece, not a continuation. */
function isFragmentOfAnother(text: string, texts: ReadonlySet<string>): boolean {
  for (const other of texts) {
    if (other.length > text.length && other.includes(text)) return true;
  }
  return false;
}

/**
 * Picks the continuation of an unterminated paragraph from the evidence of all its copies:
 * followers that are themselves pieces of another paragraph (stray fragments) are not
 * candidates while a follower that is not one exists; then the most frequent follower wins,
 * and the first seen breaks ties.
 */
function chooseFollower(followers: Block[], texts: ReadonlySet<string>): { chosen: string; reason: string } | null {
  if (followers.length === 0) return null;
  const counts = new Map<string, number>();
  for (const follower of followers) counts.set(follower.text, (counts.get(follower.text) ?? 0) + 1);
  const candidates = [...counts.keys()];
  const genuine = candidates.filter((text) => !isFragmentOfAnother(text, texts));
  const pool = genuine.length > 0 ? genuine : candidates;
  let chosen = pool[0]!;
  for (const text of pool) if ((counts.get(text) ?? 0) > (counts.get(chosen) ?? 0)) chosen = text;
  const rejected = candidates.filter((text) => text !== chosen);
  const reason =
    rejected.length === 0
      ? ''
      : rejected
          .map((text) =>
            genuine.includes(text) || genuine.length === 0
              ? `${excerpt(text)} follows it in ${counts.get(text)} cop${counts.get(text) === 1 ? 'y' : 'ies'} against ${counts.get(chosen)}`
              : `${excerpt(text)} is a stray piece of a longer paragraph`,
          )
          .join('; ');
  return { chosen, reason };
}

/**
 * Stage 2. Joins paragraphs split across a blank line: a paragraph that does not end a
 * sentence (it ends mid-word, or after ， or 、) is joined with the continuation paragraph
 * that follows it. The joined text is exactly the concatenation of the pieces.
 * Where copies of the same paragraph are followed by different continuations, the
 * continuation chosen from all copies (see `chooseFollower`) is joined wherever it follows;
 * a copy followed by anything else is left unjoined (it is then a fragment of the joined
 * paragraph, which the next stage drops).
 */
export function repairSplitParagraphs(blocks: readonly Block[]): StageResult<Block[]> {
  const report: ReportEntry[] = [];
  let current = [...blocks];
  // Decided once per paragraph text, from the copies as the file has them, and kept across passes.
  const choice = new Map<string, string>();
  // Each pass joins one more piece onto a paragraph split in three or more.
  for (let pass = 0; pass < 8; pass += 1) {
    const texts = new Set(current.map((block) => block.text));
    const followersOf = new Map<string, Block[]>();
    const headLines = new Map<string, number[]>();
    current.forEach((block, index) => {
      const next = current[index + 1];
      if (!isOpen(block) || !canContinue(next)) return;
      followersOf.set(block.text, [...(followersOf.get(block.text) ?? []), next]);
      headLines.set(block.text, [...(headLines.get(block.text) ?? []), block.pieces.at(-1)!.line]);
    });
    if (followersOf.size === 0) break;

    for (const [text, followers] of followersOf) {
      if (choice.has(text)) continue;
      const picked = chooseFollower(followers, texts);
      if (!picked) continue;
      choice.set(text, picked.chosen);
      if (picked.reason !== '') {
        const lines = [...headLines.get(text)!, ...followers.map((follower) => follower.pieces[0]!.line)].sort((a, b) => a - b);
        report.push({
          stage: 'repair',
          action: 'split-conflict',
          lines,
          detail: `Copies of the unterminated paragraph ${excerpt(text)} are followed by different text; joined it with ${excerpt(picked.chosen)} because ${picked.reason}.`,
        });
      }
    }

    const next: Block[] = [];
    const merged = new Map<string, number[]>();
    for (let index = 0; index < current.length; index += 1) {
      const block = current[index]!;
      const follower = current[index + 1];
      const wanted = choice.get(block.text);
      if (wanted !== undefined && isOpen(block) && canContinue(follower) && follower.text === wanted) {
        next.push(mergeBlocks(block, follower));
        const lines = merged.get(block.text) ?? [];
        lines.push(block.pieces.at(-1)!.line, follower.pieces[0]!.line);
        merged.set(block.text, lines);
        index += 1;
      } else {
        next.push(block);
      }
    }
    for (const [text, lines] of merged) {
      report.push({
        stage: 'repair',
        action: 'merge-split',
        lines,
        detail: `Joined ${excerpt(text)} with ${excerpt(choice.get(text)!)}: the first does not end a sentence.`,
      });
    }
    if (merged.size === 0) break;
    current = next;
  }
  return { value: current, report };
}
