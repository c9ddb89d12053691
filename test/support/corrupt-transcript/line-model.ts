import type { TranscriptTruth } from './types.js';

/** What a block of a transcript is, relative to the truth. */
export type Role =
  /** The question of truth unit `unit`. */
  | { kind: 'question'; unit: number }
  /** Paragraph `index` of truth unit `unit`, whole. */
  | { kind: 'paragraph'; unit: number; index: number }
  /** One of the two pieces of a split paragraph; the head is always directly followed by its tail. */
  | { kind: 'piece'; unit: number; index: number; part: 'head' | 'tail' }
  /** A corrupt copy or a fragment: its text must not be kept by ingest. */
  | { kind: 'foreign'; text: string }
  /** Heading, lead, the host's words, and their translations. */
  | { kind: 'other' };

/** One line of a transcript: `indent + label + body + trailing`, after `gapBefore` blank lines. */
export interface Line {
  gapBefore: number;
  /** Leading whitespace, e.g. `　　`. */
  indent: string;
  /** `王毅：`, `问：`, `Q: ` or empty. */
  label: string;
  /** The text the truth records. */
  body: string;
  /** Trailing whitespace. */
  trailing: string;
}

/**
 * Lines that move together: a paragraph and, in bilingual files, the translation line after it;
 * a question and the paragraphs it runs on to.
 */
export interface Block {
  role: Role;
  /** The Chinese line first, then its translation (bilingual files). */
  lines: Line[];
}

/** A transcript as blocks, ready to be corrupted and written back. */
export interface LineModel {
  blocks: Block[];
  lineEnd: '\n' | '\r\n';
  /** Blank lines after the last line. */
  gapAfter: number;
}

type Item =
  | { role: Role; text: string; translation: false }
  | { role: Role; text: string; translation: true };

/** Truth strings in the order the file must hold them. */
function truthItems(truth: TranscriptTruth): Item[] {
  const items: Item[] = [];
  truth.units.forEach((unit, u) => {
    const question: Role = { kind: 'question', unit: u };
    // A question that runs over several paragraphs (its truth joins them with a line break): the
    // first opens the question's block, the others join it, as a translation joins its line.
    if (unit.question !== null) unit.question.split('\n').forEach((text, i) => items.push({ role: question, text, translation: i > 0 }));
    if (unit.question !== null && unit.questionTranslation) items.push({ role: question, text: unit.questionTranslation, translation: true });
    unit.paragraphs.forEach((text, index) => {
      const role: Role = { kind: 'paragraph', unit: u, index };
      items.push({ role, text, translation: false });
      const english = unit.translation?.[index];
      if (english) items.push({ role, text: english, translation: true });
    });
  });
  return items;
}

/** The label before `text` in `content` (`王毅：`, `Q: `), or null when `content` is not `text` after a label. */
function labelBefore(content: string, text: string): string | null {
  if (content === text) return '';
  if (!content.endsWith(text)) return null;
  const label = content.slice(0, content.length - text.length);
  // A label ends with a colon, or with the outlet a `问：` line names before the question (问：彭博社记者。…).
  return /[：:]\s*(?:[^\s：:。]{2,20}记者[。，,.]\s*)?$/u.test(label) ? label : null;
}

/** True for a line whose Latin words outnumber its Chinese characters (an English translation; 《…Framework…》 in a Chinese sentence is not). */
export function isMostlyLatin(text: string): boolean {
  const words = (text.match(/[A-Za-z]+/g) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return words > 0 && words > han;
}

/**
 * Splits a clean transcript into blocks and gives each its role by matching the truth in file
 * order: the question of unit i, paragraph j of unit i, or `other` (heading, lead, host). A
 * translation line joins the block of the line it translates; an English line after an `other`
 * line joins it too.
 * `modelLines('新华社记者：问？\n\n王毅：答。', truth)` → a question block and a paragraph block.
 * Throws `corrupt-transcript: …` naming the first truth string not found in order.
 */
export function modelLines(text: string, truth: TranscriptTruth): LineModel {
  const items = truthItems(truth);
  const blocks: Block[] = [];
  let next = 0;
  let gap = 0;
  for (const raw of text.split(/\r?\n/)) {
    const content = raw.trim();
    if (content === '') {
      gap++;
      continue;
    }
    const indent = /^\s*/u.exec(raw)![0];
    const trailing = /\s*$/u.exec(raw)![0];
    const item = items[next];
    const label = item ? labelBefore(content, item.text) : null;
    const line: Line = { gapBefore: gap, indent, label: label ?? '', body: label === null ? content : item!.text, trailing };
    gap = 0;
    if (item && label !== null) {
      next++;
      if (item.translation) blocks.at(-1)!.lines.push(line);
      else blocks.push({ role: item.role, lines: [line] });
      continue;
    }
    const previous = blocks.at(-1);
    if (previous?.role.kind === 'other' && previous.lines.length === 1 && isMostlyLatin(content) && !isMostlyLatin(previous.lines[0]!.body)) {
      previous.lines.push(line);
    } else {
      blocks.push({ role: { kind: 'other' }, lines: [line] });
    }
  }
  const missing = items[next];
  if (missing) {
    const where = missing.role.kind === 'paragraph' ? `paragraph ${missing.role.index + 1} of unit ${missing.role.unit + 1}` : `the question of unit ${(missing.role as { unit: number }).unit + 1}`;
    throw new Error(`corrupt-transcript: ${missing.translation ? 'the translation of ' : ''}${where} is not found in file order: "${missing.text.slice(0, 30)}…".`);
  }
  return { blocks, lineEnd: text.includes('\r\n') ? '\r\n' : '\n', gapAfter: Math.max(0, gap - 1) };
}

/** Writes blocks back out as a transcript. */
export function renderLines(model: LineModel): string {
  const out: string[] = [];
  for (const block of model.blocks) {
    for (const line of block.lines) {
      for (let i = 0; i < line.gapBefore; i++) out.push('');
      out.push(line.indent + line.label + line.body + line.trailing);
    }
  }
  for (let i = 0; i < model.gapAfter; i++) out.push('');
  return out.join(model.lineEnd) + model.lineEnd;
}

/** The text a block stands for (its first line, after the label). */
export function bodyOfBlock(block: Block): string {
  return block.lines[0]!.body;
}

/** A deep copy of a block, so that changing the copy's lines leaves the original alone. */
export function copyBlock(block: Block): Block {
  return { role: { ...block.role }, lines: block.lines.map((line) => ({ ...line })) };
}
