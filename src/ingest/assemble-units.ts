import type { DedupedTranscript, DistinctParagraph } from './remove-duplicates.js';
import { keptParagraphs, listLabel } from './remove-duplicates.js';
import type { ReportEntry, StageResult } from './report.js';
import { excerpt } from './report.js';
import { TermWeights, cosine } from './text-similarity.js';
import { bodyOf } from './parse-transcript.js';

/** An answer start with the continuation paragraphs assigned to it, in reading order. */
export interface AssembledUnit {
  start: DistinctParagraph;
  continuations: DistinctParagraph[];
}

const ORDINALS = '一二三四五六七八九十';

function ordinalOf(text: string): number | null {
  const match = /^第([一二三四五六七八九十])[，,、：:]/u.exec(text);
  return match ? ORDINALS.indexOf(match[1]!) + 1 : null;
}

/** Labels a list intro announces: `…应坚持专业性、公正性和建设性：` → 专业性, 公正性, 建设性. */
export function announcedLabels(text: string): string[] {
  if (!/[：:]$/u.test(text)) return [];
  const clause = text.slice(0, -1).split(/[，,。；;]/u).at(-1) ?? '';
  const parts = clause.split(/、|和|及|与/u).map((part) => part.trim());
  if (parts.length < 2) return [];
  const last = parts.at(-1)!;
  const labelLength = Array.from(last).length;
  // The first part carries the clause's verb (应坚持专业性): keep as many trailing characters as the last label has.
  return parts.map((part) => Array.from(part).slice(-labelLength).join('')).filter((label) => label.length > 0);
}

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
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Stage 4. Rebuilds answer units: each answer start with the continuation paragraphs that
 * belong to it.
 * - Position: a continuation belongs to the answer start nearest before it (a reporter
 *   question in between does not end the answer: a question without its own answer start
 *   interrupts the previous answer). Copies vote; the majority wins.
 * - Structure: items of one list travel together (an intro ending in ： that announces
 *   labels and the items starting with them; 第二, 第三 … after each other).
 * - Content decides where position cannot: when items of one list stand after different
 *   answers, or a paragraph follows no answer start, they go to the answer whose text is
 *   closest (TF-IDF cosine).
 * Where all copies agree on a position, bag-of-words similarity is not trusted to override it
 * (answers of one press conference share most of their vocabulary); `refineByTopic` does
 * that later, on the narrower evidence of topic terms.
 * Order: as the file reads (see `orderUnits`), the start first.
 */
export function assembleUnits(transcript: DedupedTranscript): StageResult<AssembledUnit[]> {
  const report: ReportEntry[] = [];
  const { paragraphs, sequence } = transcript;
  const starts = keptParagraphs(transcript, 'answer-start');
  const continuations = keptParagraphs(transcript, 'continuation');

  // Positional votes.
  const votes = new Map<number, Map<number, number>>();
  let owner: number | null = null;
  for (const id of sequence) {
    const paragraph = paragraphs[id]!;
    if (paragraph.kind === 'answer-start') owner = id;
    if (paragraph.kind === 'continuation' && owner !== null) {
      const tally = votes.get(id) ?? new Map<number, number>();
      tally.set(owner, (tally.get(owner) ?? 0) + 1);
      votes.set(id, tally);
    }
  }
  const groups = new Set(findGroups(transcript).values());

  const weights = new TermWeights([...starts, ...continuations].map(bodyOf));
  const positionalOwner = (paragraph: DistinctParagraph): number | null => {
    let best: number | null = null;
    for (const [start, count] of votes.get(paragraph.id) ?? []) if (best === null || count > votes.get(paragraph.id)!.get(best)!) best = start;
    return best;
  };
  /** The text an answer has by position alone, less the paragraphs being judged. */
  const unitText = (start: number, exclude: ReadonlySet<number>): string =>
    [paragraphs[start]!, ...continuations.filter((p) => !exclude.has(p.id) && positionalOwner(p) === start)]
      .map(bodyOf)
      .join('\n');

  const assignment = new Map<number, number>();
  for (const group of groups) {
    const lines = group.flatMap((p) => p.lines);
    const names = group.map((p) => excerpt(p.text)).join(' + ');
    const exclude = new Set(group.map((p) => p.id));
    const vector = weights.vector(group.map((p) => p.text).join('\n'));
    const closest = (candidates: number[]): number =>
      candidates
        .map((start) => ({ start, score: cosine(vector, weights.vector(unitText(start, exclude))) }))
        .reduce((a, b) => (b.score > a.score ? b : a)).start;
    for (const paragraph of group) {
      const tally = votes.get(paragraph.id);
      if (tally && tally.size > 1) {
        report.push({
          stage: 'units',
          action: 'reassign',
          lines: paragraph.lines,
          detail: `Copies of ${excerpt(paragraph.text)} follow different answers (${[...tally].map(([start, count]) => `${excerpt(paragraphs[start]!.text)} ×${count}`).join(', ')}); the majority places it with ${excerpt(paragraphs[positionalOwner(paragraph)!]!.text)}.`,
        });
      }
    }
    const owners = [...new Set(group.map(positionalOwner).filter((start): start is number => start !== null))];
    let chosen: number | null = null;
    if (owners.length === 1) {
      chosen = owners[0]!;
    } else if (owners.length > 1) {
      // Items of one list stand after different answers: position cannot decide, content does.
      chosen = closest(owners);
      report.push({
        stage: 'units',
        action: 'reassign',
        lines,
        detail: `${names} belong together (one list) but stand after ${owners.length} different answers; by content they belong to ${excerpt(paragraphs[chosen]!.text)}.`,
      });
    } else if (starts.length > 0) {
      chosen = closest(starts.map((start) => start.id));
      report.push({ stage: 'units', action: 'reassign', lines, detail: `${names} follows no answer start; by content it belongs to ${excerpt(paragraphs[chosen]!.text)}.` });
    }
    if (chosen === null) continue;
    for (const paragraph of group) assignment.set(paragraph.id, chosen);
  }

  return { value: orderUnits(transcript, assignment), report };
}

/**
 * Items of one list: an intro ending in ： that announces labels with the items starting with
 * those labels, and ordinal items (第二, 第三 …) that follow each other. Every continuation maps
 * to its group (a group of one when it is in no list).
 */
export function findGroups(transcript: DedupedTranscript): Map<number, DistinctParagraph[]> {
  const { paragraphs, sequence } = transcript;
  const continuations = keptParagraphs(transcript, 'continuation');
  const groups = new Groups();
  let previous: DistinctParagraph | null = null;
  for (const id of sequence) {
    const paragraph = paragraphs[id]!;
    const ordinal = ordinalOf(paragraph.text);
    if (ordinal !== null && previous && ordinalOf(previous.text) === ordinal - 1 && previous.kind === 'continuation' && paragraph.kind === 'continuation') {
      groups.join(previous.id, paragraph.id);
    }
    previous = paragraph;
  }
  for (const intro of continuations) {
    const labels = announcedLabels(intro.text);
    if (labels.length === 0) continue;
    for (const item of continuations) {
      const label = listLabel(item.text);
      if (item !== intro && label !== null && labels.includes(label)) groups.join(intro.id, item.id);
    }
  }
  const byRoot = new Map<number, DistinctParagraph[]>();
  for (const paragraph of continuations) {
    const root = groups.find(paragraph.id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), paragraph]);
  }
  const groupOf = new Map<number, DistinctParagraph[]>();
  for (const group of byRoot.values()) for (const paragraph of group) groupOf.set(paragraph.id, group);
  return groupOf;
}

/**
 * Puts each answer's paragraphs in reading order, given which answer start (id) each
 * continuation (id) belongs to.
 */
export function orderUnits(transcript: DedupedTranscript, assignment: ReadonlyMap<number, number>): AssembledUnit[] {
  const { paragraphs, sequence } = transcript;
  const starts = keptParagraphs(transcript, 'answer-start');
  const continuations = keptParagraphs(transcript, 'continuation');
  const groupOf = findGroups(transcript);
  // Reading order: follow the file. After each paragraph comes the paragraph of the same answer
  // that most often follows it (questions in between skipped); when none does, the one seen
  // first. A list stays together: intro first, items in the order the intro announces them.
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
  const firstSeen = (paragraph: DistinctParagraph): number => sequence.indexOf(paragraph.id);
  const listOrder = (group: DistinctParagraph[]): DistinctParagraph[] => {
    const labels = group.flatMap((p) => announcedLabels(p.text));
    const rank = (paragraph: DistinctParagraph): number => {
      if (announcedLabels(paragraph.text).length > 0) return -1;
      const label = listLabel(paragraph.text);
      const announced = label === null ? -1 : labels.indexOf(label);
      return announced >= 0 ? announced : (ordinalOf(paragraph.text) ?? 0);
    };
    return [...group].sort((a, b) => rank(a) - rank(b) || firstSeen(a) - firstSeen(b));
  };
  const units = starts.map((start) => {
    const remaining = new Set(continuations.filter((paragraph) => assignment.get(paragraph.id) === start.id));
    const ordered: DistinctParagraph[] = [];
    let last: DistinctParagraph = start;
    while (remaining.size > 0) {
      let next: DistinctParagraph | undefined;
      let bestCount = 0;
      for (const [id, count] of followers.get(last.id) ?? []) {
        const candidate = paragraphs[id]!;
        if (remaining.has(candidate) && count > bestCount) [next, bestCount] = [candidate, count];
      }
      next ??= [...remaining].sort((a, b) => firstSeen(a) - firstSeen(b))[0]!;
      for (const paragraph of listOrder(groupOf.get(next.id)!.filter((p) => remaining.has(p)))) {
        ordered.push(paragraph);
        remaining.delete(paragraph);
        last = paragraph;
      }
    }
    return { start, continuations: ordered };
  });
  return units;
}
