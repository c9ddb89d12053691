import { escapeMarkdown } from 'discord.js';
import type { IndexFile, SourceMeta } from '../types.js';
import { paginate } from './paging.js';

/** Discord's limit on a message's content. */
export const MAX_CONTENT_LENGTH = 2000;

/** Escapes Markdown so source text shows character for character (`*`, `_`, `~`, `|`, list and heading marks). */
export function escapeSourceText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/**
 * Who said it, where and when, as one line, from the unit's speaker and its source's metadata.
 * The title belongs to the source's main speaker, so it is shown only for them.
 * → `王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24`
 */
export function describeSpeech(file: IndexFile, unit: { speaker: string | null; source: string }): string {
  const meta = findSource(file, unit.source);
  const title = meta?.title != null && meta.speaker === unit.speaker ? `（${meta.title}）` : '';
  const speaker = unit.speaker === null ? null : `${unit.speaker}${title}`;
  return [speaker, meta?.event ?? null, meta?.date ?? null].filter((part) => part !== null).join('，') || unit.source;
}

/** The attribution line under a public quote: `—— ` + `describeSpeech`. */
export function formatAttribution(file: IndexFile, unit: { speaker: string | null; source: string }): string {
  return `—— ${describeSpeech(file, unit)}`;
}

/** The source's metadata, or undefined for a source the index does not describe. */
export function findSource(file: IndexFile, sourceId: string): SourceMeta | undefined {
  return file.sources.find((source) => source.id === sourceId);
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
