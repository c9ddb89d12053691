/**
 * Domain types shared by ingest, search, the CLI and the bot.
 * Displayed text (paragraphs, questions) is always source text, character for character.
 */

/** Metadata of one transcript, from its optional `<name>.meta.json` next to it. */
export interface SourceMeta {
  /** Stable id of the source: the transcript's file name without extension. */
  id: string;
  /** File name of the transcript inside the sources folder. */
  file: string;
  /** ISO date (YYYY-MM-DD), or null when unknown. */
  date: string | null;
  /** Event name, e.g. 十三届全国人大三次会议记者会, or null. */
  event: string | null;
  /** Main speaker, from metadata or read from the text. */
  speaker: string | null;
  /** Speaker's title, e.g. 国务委员兼外交部长, or null. */
  title: string | null;
  /** Document title read from the transcript's first line, or null. */
  heading: string | null;
  /** Imported pages only: the page's address (null when a saved page does not say). */
  url?: string | null;
  /** Imported pages only: the page's language (an English edition is a translation, see src/archive). */
  language?: 'zh' | 'en';
}

/** One official answer: an answer start plus its continuation paragraphs. */
export interface AnswerUnit {
  /** Stable id: `<sourceId>#<n>` (n from 1, in order of first appearance). */
  id: string;
  /** Short readable topic label, e.g. 中美关系. */
  topic: string;
  /** The reporter question it answers (source text), or null when the file lacks it. */
  question: string | null;
  /** The outlet that asked, e.g. 路透社, or null. */
  outlet: string | null;
  /** Who answered, e.g. 王毅. */
  speaker: string;
  /** Source id (see SourceMeta.id). */
  source: string;
  /** Paragraphs, source text; the first without its `<speaker>：` label (the speaker is a field). */
  paragraphs: string[];
  /**
   * Bilingual sources only: the official English translation of each paragraph, parallel to
   * `paragraphs` (same length; '' where the source gives none). Absent for Chinese-only sources.
   */
  translation?: string[];
  /** Bilingual sources only: the English of the question (null when the question or its translation is missing). */
  questionTranslation?: string | null;
}

/** A reporter question recorded without an answer in the transcript. */
export interface UnansweredQuestion {
  /** Stable id: `<sourceId>#q<n>`. */
  id: string;
  /** Short readable topic label. */
  topic: string;
  question: string;
  outlet: string | null;
  source: string;
  /** Bilingual sources only: the English of the question (null when the source gives none). */
  questionTranslation?: string | null;
}

/** The built index file (index-data/index.json). */
export interface IndexFile {
  schemaVersion: number;
  /** How to rebuild this file. */
  generated: string;
  sources: SourceMeta[];
  units: AnswerUnit[];
  unanswered: UnansweredQuestion[];
  /** Lines said more than once across transcripts (src/archive); absent when there are none. */
  lines?: ArchiveLine[];
}

/** One time a line was said: a whole answer, or one paragraph of it. */
export interface LineOccurrence {
  unitId: string;
  /** The paragraph of the unit that says the line (index into its paragraphs), or null when the whole answer does. */
  paragraph: number | null;
  /** The source's date (YYYY-MM-DD), or null when unknown. */
  date: string | null;
  source: string;
  /** The unit's reporter question (source text), or null. */
  question: string | null;
}

/** A position stated in the same or nearly the same words in several transcripts (src/archive/group-lines.ts). */
export interface ArchiveLine {
  /** Stable id: the first occurrence's unit id, with `¶<paragraph number>` when that occurrence is one paragraph. */
  id: string;
  /** The topic label of the most recent occurrence's unit. */
  topic: string;
  /** At least two, from at least two sources; oldest first (unknown dates first). */
  occurrences: LineOccurrence[];
}

/** Outcome of answering one user question. */
export type AnswerStatus = 'answered' | 'unanswered' | 'no_match';

/** The unit chosen for a question, with where in it the best match is. */
export interface AnswerHit {
  unitId: string;
  topic: string;
  reporterQuestion: string | null;
  speaker: string;
  source: string;
  /** The whole unit, source text. */
  paragraphs: string[];
  /** Index into `paragraphs` of the most relevant paragraph. */
  bestParagraph: number;
  /** 0..1; see src/search for what it means. */
  confidence: number;
}

/** The result of `answerQuestion(index, text)`; the JSON shape of `npm run ask -- --json`. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  answer: AnswerHit | null;
  /** With status `unanswered`: the reporter question the transcript records without an answer. */
  unansweredQuestion: string | null;
  /** Next-best units, best first (at most a few); their confidence is measured as the answer's is. */
  alternatives: { unitId: string; topic: string; confidence: number }[];
  /** What the question was read as (see src/search/question-analysis.ts). */
  analysis?: AnswerAnalysis;
  /** Why the status was chosen. */
  decision?: AnswerDecision;
  /** With status `answered`, when the quoted answer (or its marked paragraph) is a line said more than once (see ArchiveLine). */
  occurrences?: AnswerOccurrences;
  /** The years the answer was looked for in, when the question or the caller named a period (src/search/dates.ts); both included. */
  period?: { from: number; to: number };
  /**
   * With a period the question named: the statement quoted is from another time (none of the
   * period answers it as well), and its date. Absent when the quote is of the period.
   */
  outsidePeriod?: { date: string | null };
}

/** How often the quoted line was said, and which time is quoted (src/archive/occurrences.ts). */
export interface AnswerOccurrences {
  /** The line's id (see ArchiveLine). */
  line: string;
  /** `answer`: the whole answer is the line; `paragraph`: its marked paragraph is. */
  scope: 'answer' | 'paragraph';
  /** How many times it was said (occurrences of the line). */
  count: number;
  /** Dates of the first and the most recent time (null when unknown). */
  first: string | null;
  last: string | null;
  /** Date of the time quoted. */
  quoted: string | null;
  /** `latest`: the most recent time is quoted; `relevance`: an older one, which answers the question better or falls in the asked period. */
  chosen: 'latest' | 'relevance';
}

/** The question analysis behind an answer, as `ask --json` shows it. */
export interface AnswerAnalysis {
  intent: { kind: 'position' | 'fact' | 'other-view' | 'quote'; fact?: string; party?: string; cue?: string };
  framing: string[];
  /** The topic words searched for, with their weights. */
  terms: { term: string; weight: number }[];
  english: boolean;
  /** A yes-or-no question about an action (会不会, 是否, 打算): the cue and the action asked. */
  whether?: { cue: string; action: string; agent?: string };
  /** What a wh-question asks of an event (签了什么文件: 文件): the words the answer must speak of. */
  asked?: string[];
}

/** Why `answerQuestion` answered or abstained. */
export interface AnswerDecision {
  reason:
    | 'answered'
    | 'unanswered_in_record'
    | 'empty_question'
    | 'too_vague'
    | 'no_candidate'
    | 'low_coverage'
    | 'low_confidence'
    | 'ambiguous'
    | 'other_party_view'
    | 'fact_not_stated'
    | 'action_not_stated'
    | 'detail_not_stated';
  coverage: number;
  margin: number;
}
