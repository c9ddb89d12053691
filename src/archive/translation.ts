import type { AnswerUnit } from '../types.js';

/**
 * The official English of an answer: what the ministry's English edition says for one paragraph
 * (aligned by src/archive/align-editions.ts). Never machine-translated: null where the
 * alignment was not certain or the unit has no English edition.
 * `officialEnglish({ paragraphs: ['中方欢迎。'], translation: ['China welcomes it.'] }, 0)` → `'China welcomes it.'`
 */
export function officialEnglish(unit: Pick<AnswerUnit, 'translation'>, paragraph: number | null): string | null {
  if (paragraph === null) return null;
  const text = unit.translation?.[paragraph];
  return text === undefined || text.trim() === '' ? null : text;
}

/**
 * Splits a text into pieces of at most `max` characters, between sentences (a sentence longer
 * than that between words); the pieces concatenate to the text.
 * `englishPieces('One. Two.', 5)` → `['One. ', 'Two.']`
 */
export function englishPieces(text: string, max: number): string[] {
  const units = text.match(/[^.!?]*(?:[.!?]+["'”’)]*\s*|$)/gu)?.filter((part) => part !== '') ?? [text];
  const split = units.flatMap((part) => (part.length <= max ? [part] : (part.match(new RegExp(`[\\s\\S]{1,${max}}(?=\\s|$)\\s*|[\\s\\S]{1,${max}}`, 'gu')) ?? [part])));
  const pieces: string[] = [];
  for (const part of split) {
    const last = pieces.at(-1);
    if (last !== undefined && last.length + part.length <= max) pieces[pieces.length - 1] = last + part;
    else pieces.push(part);
  }
  return pieces;
}
