import type { BlockKind } from './parse-transcript.js';
import { announcedLabels, followsInList, isListIntro, listLabel } from './list-structure.js';
import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import { keptParagraphs } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';

/** An answer start with the continuation paragraphs assigned to it, in reading order. */
export interface AssembledUnit {
  start: DistinctParagraph;
  continuations: DistinctParagraph[];
}

/** Which answer start (id) each continuation (id) belongs to. */
export type Assignment = ReadonlyMap<number, number>;

/** For each continuation, how many of its kept copies stand after each answer start: start id → count. */
export type PositionVotes = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * Where the copies of each continuation stand: each kept occurrence votes for the answer start
 * nearest before it. A reporter question in between does not end the answer (a question
 * without its own answer start interrupts the previous one). A repeated copy of an answer start
 * standing inside an answer (not after a question) is a stray copy and takes over nothing: the
 * paragraphs after it still vote for the answer they stand in (see `takesOver`). Paragraphs
 * before any answer start get no vote.
 */
export function positionVotes(transcript: DedupedTranscript): PositionVotes {
  const { paragraphs, sequence } = transcript;
  const votes = new Map<number, Map<number, number>>();
  const seen = new Set<number>();
  let owner: number | null = null;
  for (const [at, id] of sequence.entries()) {
    const paragraph = paragraphs[id]!;
    if (paragraph.kind === 'answer-start' && takesOver(seen.has(id), owner === null ? null : paragraphs[sequence[at - 1]!]!.kind)) owner = id;
    seen.add(id);
    if (paragraph.kind !== 'continuation' || owner === null) continue;
    const tally = votes.get(id) ?? new Map<number, number>();
    tally.set(owner, (tally.get(owner) ?? 0) + 1);
    votes.set(id, tally);
  }
  return votes;
}

/**
 * True when an occurrence of an answer start owns the paragraphs after it: its first occurrence,
 * or a repeat that follows a question (`before`: the kind of the paragraph before it, null when
 * no answer has started yet), as a repeated question-and-answer run does.
 * `takesOver(true, 'continuation')` → false (a copy pasted into another answer);
 * `takesOver(true, 'question')` → true; `takesOver(false, 'continuation')` → true.
 */
export function takesOver(repeat: boolean, before: BlockKind | null): boolean {
  return !repeat || before === null || before === 'question';
}

/** The start most copies stand after; ties go to the one seen first. Null without votes. */
export function majorityOf(tally: ReadonlyMap<number, number> | undefined): number | null {
  let best: number | null = null;
  for (const [start, count] of tally ?? []) if (best === null || count > tally!.get(best)!) best = start;
  return best;
}

/**
 * Stage 4. Rebuilds answer units by position: each continuation goes with the answer start
 * most of its copies stand after (see `positionVotes`). Copies that disagree are reported;
 * paragraphs that follow no answer start are left for the evidence stage
 * (`placeByEvidence`), which weighs position against content and list structure.
 */
export function assembleUnits(transcript: DedupedTranscript): StageResult<Map<number, number>> {
  const report: ReportEntry[] = [];
  const { paragraphs } = transcript;
  const votes = positionVotes(transcript);
  const assignment = new Map<number, number>();
  for (const paragraph of keptParagraphs(transcript, 'continuation')) {
    const tally = votes.get(paragraph.id);
    const owner = majorityOf(tally);
    if (owner === null) continue;
    assignment.set(paragraph.id, owner);
    if (tally!.size > 1) {
      report.push({
        stage: 'units',
        action: 'reassign',
        lines: paragraph.lines,
        detail: `Copies of ${excerpt(paragraph.text)} follow different answers (${[...tally!].map(([start, count]) => `${excerpt(paragraphs[start]!.text)} ×${count}`).join(', ')}); by position alone it goes with ${excerpt(paragraphs[owner]!.text)}.`,
      });
    }
  }
  return { value: assignment, report };
}

/**
 * The lists of one answer, each as its paragraphs: an intro that announces items and the items
 * of one style that follow it; items of a style whose labels repeat in the answer are grouped
 * only where they stand next to each other in the file.
 */
function listsOf(members: readonly DistinctParagraph[], sequence: readonly number[]): DistinctParagraph[][] {
  const byStyle = new Map<string, DistinctParagraph[]>();
  for (const paragraph of members) {
    const label = listLabel(paragraph.text);
    if (label !== null) byStyle.set(label.style, [...(byStyle.get(label.style) ?? []), paragraph]);
  }
  const lists: DistinctParagraph[][] = [];
  const memberIds = new Set(members.map((p) => p.id));
  const flow = sequence.filter((id) => memberIds.has(id));
  for (const items of byStyle.values()) {
    const labels = items.map((p) => listLabel(p.text)!.label);
    if (new Set(labels).size === labels.length) {
      lists.push(items);
      continue;
    }
    // Two lists of one style in one answer: items stay with the item they follow in the file.
    for (let i = 0; i < flow.length; i += 1) {
      const first = members.find((p) => p.id === flow[i]);
      if (!first || !items.includes(first) || lists.some((list) => list.includes(first))) continue;
      const list = [first];
      for (let j = i + 1; j < flow.length; j += 1) {
        const next = members.find((p) => p.id === flow[j])!;
        if (!items.includes(next) || !followsInList(listLabel(list.at(-1)!.text)!, listLabel(next.text)!)) break;
        if (!list.includes(next)) list.push(next);
      }
      lists.push(list);
    }
  }
  return lists;
}

/**
 * Puts each answer's paragraphs in reading order, given which answer start (id) each
 * continuation (id) belongs to. Reading order follows the file: after each paragraph comes the
 * paragraph of the same answer that most often follows it (questions in between skipped); when
 * none does, the one seen first. A list stays together: its intro first (wherever the file put
 * it), then its items in the order of their labels (as the intro announces them, or by number),
 * so an item moved back from another answer takes its place among its siblings.
 */
export function orderUnits(transcript: DedupedTranscript, assignment: Assignment): AssembledUnit[] {
  const { paragraphs, sequence } = transcript;
  const starts = keptParagraphs(transcript, 'answer-start');
  const continuations = keptParagraphs(transcript, 'continuation');
  const answerOf = (id: number): number | undefined => (paragraphs[id]!.kind === 'answer-start' ? id : assignment.get(id));
  const followers = new Map<number, Map<number, number>>();
  const kept = sequence.filter((id) => paragraphs[id]!.kind !== 'question');
  for (let i = 1; i < kept.length; i += 1) {
    const [a, b] = [kept[i - 1]!, kept[i]!];
    if (a === b || answerOf(a) === undefined || answerOf(a) !== answerOf(b)) continue;
    const tally = followers.get(a) ?? new Map<number, number>();
    tally.set(b, (tally.get(b) ?? 0) + 1);
    followers.set(a, tally);
  }
  const firstSeen = new Map<number, number>();
  sequence.forEach((id, at) => {
    if (!firstSeen.has(id)) firstSeen.set(id, at);
  });
  const seen = (paragraph: DistinctParagraph): number => firstSeen.get(paragraph.id)!;

  return starts.map((start) => {
    const members = continuations.filter((paragraph) => assignment.get(paragraph.id) === start.id);
    const intros = members.filter((p) => isListIntro(p.text)).map((p) => p.text);
    const announced = intros.flatMap(announcedLabels);
    const lists = listsOf(members, sequence);
    // An intro goes first in the list it announces: the one whose items it names, or the answer's only list.
    for (const intro of members.filter((p) => isListIntro(p.text))) {
      const named = announcedLabels(intro.text);
      const list = named.length > 0 ? lists.find((items) => items.some((p) => named.includes(listLabel(p.text)!.label))) : lists.length === 1 ? lists[0] : undefined;
      if (list && !list.includes(intro)) list.push(intro);
    }
    const listOf = new Map<number, DistinctParagraph[]>();
    for (const list of lists) for (const paragraph of list) listOf.set(paragraph.id, list);
    const rank = (paragraph: DistinctParagraph): number => {
      const label = listLabel(paragraph.text);
      if (label === null) return -1;
      const at = announced.indexOf(label.label);
      return at >= 0 ? at : (label.ordinal ?? 0);
    };
    const remaining = new Set(members);
    const ordered: DistinctParagraph[] = [];
    let last: DistinctParagraph = start;
    while (remaining.size > 0) {
      let next: DistinctParagraph | undefined;
      let bestCount = 0;
      for (const [id, count] of followers.get(last.id) ?? []) {
        const candidate = paragraphs[id]!;
        if (remaining.has(candidate) && count > bestCount) [next, bestCount] = [candidate, count];
      }
      next ??= [...remaining].sort((a, b) => seen(a) - seen(b))[0]!;
      const list = listOf.get(next.id);
      const run = list ? [...list].filter((p) => remaining.has(p)).sort((a, b) => rank(a) - rank(b) || seen(a) - seen(b)) : [next];
      for (const paragraph of run) {
        ordered.push(paragraph);
        remaining.delete(paragraph);
        last = paragraph;
      }
    }
    return { start, continuations: ordered };
  });
}
