/**
 * A ministry page → the transcript files it becomes, or the reason it is not imported:
 * decode (UTF-8 only) → parse → title, conference, paragraphs, date → files.
 * Pure: bytes and what is known about where they came from in, values out.
 */
import { load } from 'cheerio';
import { decodePage } from './decode.js';
import { conferenceDate, eventName, pageTitle, recognizeConference, savedFromUrl, type Conference, type ConferenceDate } from './page-meta.js';
import { extractPageText } from './page-text.js';
import { serializeMeta, transcriptName, transcriptText, type TranscriptFiles, type TranscriptMeta } from './transcript-file.js';

/** Where a page came from. */
export interface PageOrigin {
  /** The address it was fetched from; null for a saved file (its own canonical link is used then). */
  url: string | null;
  /** The HTTP `Content-Type` header, when fetched. */
  contentType: string | null;
}

/** A page read as a transcript. */
export interface ImportedTranscript {
  files: TranscriptFiles;
  meta: TranscriptMeta;
  /** Number of paragraphs written (the title not counted). */
  paragraphs: number;
  /** Where the date was read. */
  dateFrom: ConferenceDate['from'];
}

/** The outcome of reading one page: a transcript, or why not (a sentence, without the `import:` prefix). */
export type PageImport = { ok: true; transcript: ImportedTranscript } | { ok: false; reason: string };

/** How many paragraphs at the top may be the lead (the minister's lead names the session and the office). */
const LEAD_PARAGRAPHS = 3;

/**
 * Reads a saved or fetched page as a transcript. Refused (with the reason) when the page is
 * empty or not UTF-8, has no title, is not a regular or minister's press conference, has no
 * transcript text, holds no reporter's question or no labelled answer, or gives no date.
 */
export function importPage(bytes: Uint8Array, origin: PageOrigin): PageImport {
  const decoded = decodePage(bytes, origin.contentType);
  if (!decoded.ok) return decoded;
  return importHtml(decoded.html, origin.url);
}

/** `importPage` on HTML already decoded. */
export function importHtml(html: string, fetchedFrom: string | null): PageImport {
  const $ = load(html);
  const title = pageTitle($);
  if (title === null) return { ok: false, reason: 'the page has no title, so it is no transcript page of the ministry' };
  const content = extractPageText($);
  const lead = content?.paragraphs.slice(0, LEAD_PARAGRAPHS) ?? [];
  const conference = recognizeConference(title, lead);
  if (conference === null) {
    return { ok: false, reason: `not a press-conference transcript: the title “${title}” names no regular press conference (…主持例行记者会, …’s Regular Press Conference) and no minister's press conference` };
  }
  if (content === null) return { ok: false, reason: `the page “${title}” holds no transcript text (no paragraph in #News_Body_Txt_A, .TRS_Editor, .news-main or .content)` };
  const dialogue = checkDialogue(content.paragraphs, conference);
  if (dialogue !== null) return { ok: false, reason: `the page “${title}” is not a transcript: ${dialogue}` };
  const url = fetchedFrom ?? savedFromUrl($, html);
  const date = conferenceDate($, title, lead, url);
  if (date === null) return { ok: false, reason: `the page “${title}” gives no date (none in its title, lead, publication time or URL)` };

  const meta: TranscriptMeta = {
    date: date.date,
    event: eventName(conference, lead),
    speaker: conference.speaker,
    ...(conference.title === null ? {} : { title: conference.title }),
    url,
    language: conference.language,
  };
  const text = transcriptText(title, content.paragraphs);
  const files: TranscriptFiles = { name: transcriptName(date.date, conference.kind, conference.language), text, metaJson: serializeMeta(meta) };
  const paragraphs = text.trimEnd().split('\n\n').length - 1;
  return { ok: true, transcript: { files, meta, paragraphs, dateFrom: date.from } };
}

/**
 * Null when the paragraphs read as a press conference: at least one reporter's question
 * (`<outlet>记者：`, `问：`, `Q:`, or in English any `<Outlet>:` other than the speaker's) and
 * at least one answer labelled with the speaker's name (also after an office:
 * 国务委员兼外交部长周衡：) or `答：`/`A:`. Otherwise what is missing.
 */
export function checkDialogue(paragraphs: readonly string[], conference: Conference): string | null {
  const name = escapeRegExp(conference.speaker);
  const answer = new RegExp(`^(?:[^：:。！？!?]{0,20}${name}|答|A)\\s*[：:]`, 'u');
  const question =
    conference.language === 'zh'
      ? /^(?:[^：:。！？!?，,]{0,40}?[记記]者(?:提?[问問])?|[问問])\s*[：:]/u
      : new RegExp(`^(?!(?:[^:.?!]{0,20}${name}|A)\\s*:)(?:Q|[A-Z][^:.?!]{0,60}?)\\s*:\\s*\\S`, 'u');
  const answers = paragraphs.filter((p) => answer.test(p)).length;
  const questions = paragraphs.filter((p) => question.test(p)).length;
  if (answers === 0 && questions === 0) return `no reporter's question and no answer by ${conference.speaker} found`;
  const colon = conference.language === 'zh' ? '：' : ':';
  if (answers === 0) return `no answer labelled “${conference.speaker}${colon}” or “${conference.language === 'zh' ? '答：' : 'A:'}” found`;
  if (questions === 0) return `no reporter's question labelled ${conference.language === 'zh' ? '“…记者：” or “问：”' : '“Q:” or “<outlet>:”'} found`;
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
