import { escapeMarkdown } from 'discord.js';
import { describeSpeech } from '../present/attribution.js';
import { messages } from '../messages.js';
import type { IndexFile } from '../types.js';
import { paginate } from './paging.js';

export { describeSpeech, findSource } from '../present/attribution.js';

/** Discord's limit on a message's content. */
export const MAX_CONTENT_LENGTH = 2000;

/** Escapes Markdown so source text shows character for character (`*`, `_`, `~`, `|`, list and heading marks). */
export function escapeSourceText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/** The attribution line under a quote or an unanswered question: `messages.attribution` of `describeSpeech` (`—— 王毅（…），…`). */
export function formatAttribution(file: IndexFile, unit: { speaker: string | null; source: string }): string {
  return messages.attribution(describeSpeech(file, unit));
}

/**
 * Formats paragraphs as a Markdown block quote (`> ` on every line) followed by the attribution line.
 * Returns one message, or several when the text is over Discord's 2000 characters: split between
 * paragraphs (or sentences), each message with its own attribution line.
 *
 * `formatQuote(['中美合则两利。'], '—— 王毅…')` → `['> 中美合则两利。\n—— 王毅…']`
 */
export function formatQuote(paragraphs: readonly string[], attribution: string): string[] {
  const quoteLines = (text: string) =>
    text
      .split('\n')
      .map((line) => `> ${escapeSourceText(line)}`)
      .join('\n');
  const budget = MAX_CONTENT_LENGTH - attribution.length - 1;
  return paginate(paragraphs, budget, (segment) => quoteLines(segment.text), '\n').map(
    (page) => `${page.map((segment) => quoteLines(segment.text)).join('\n')}\n${attribution}`,
  );
}
