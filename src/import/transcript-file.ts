/**
 * The two files an imported page becomes in the sources folder: `<date>-<slug>.txt` (the
 * transcript) and `<date>-<slug>.meta.json` (what build-index reads about it), byte for byte
 * the same whenever the same page is imported.
 */
import type { ConferenceKind, Language } from './page-meta.js';

/**
 * `<name>.meta.json` of an imported page. `date`, `event`, `speaker` and `title` (the speaker's
 * office) are the keys build-index reads; `url` (the page's address, null when a saved page
 * does not say) and `language` record where the text came from.
 */
export interface TranscriptMeta {
  date: string;
  event: string;
  speaker: string;
  title?: string;
  url: string | null;
  language: Language;
}

/** A transcript ready to be written. */
export interface TranscriptFiles {
  /** `2024-05-20-regular-press-conference-zh`: the file names without extension. */
  name: string;
  /** Content of `<name>.txt`. */
  text: string;
  /** Content of `<name>.meta.json`. */
  metaJson: string;
}

/**
 * The file name of a transcript: its date, the kind of conference and the language, so the
 * Chinese and English editions of one briefing stand side by side.
 * `transcriptName('2024-05-20', 'regular', 'zh') → '2024-05-20-regular-press-conference-zh'`
 */
export function transcriptName(date: string, kind: ConferenceKind, language: Language): string {
  return `${date}-${kind === 'regular' ? 'regular' : 'minister'}-press-conference-${language}`;
}

/**
 * The transcript text: the page's title on the first line (ingest reads it as the heading),
 * then each paragraph on its own line with a blank line between, ending with one newline. A
 * first paragraph that repeats the title is not written twice.
 * `transcriptText('标题', ['问：甲？', '答：乙。']) → '标题\n\n问：甲？\n\n答：乙。\n'`
 */
export function transcriptText(title: string, paragraphs: readonly string[]): string {
  const body = paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return `${[title, ...body].join('\n\n')}\n`;
}

/** The meta file: keys in a fixed order (date, event, speaker, title, url, language), two-space indented, one final newline. */
export function serializeMeta(meta: TranscriptMeta): string {
  const ordered: TranscriptMeta = { date: meta.date, event: meta.event, speaker: meta.speaker, ...(meta.title === undefined ? {} : { title: meta.title }), url: meta.url, language: meta.language };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
