/**
 * The ingest report: every merge, drop, conflict and assignment the pipeline decided,
 * in the order it decided them. Each entry names the source lines it is about.
 */

/** What kind of decision an entry records. */
export type ReportAction =
  | 'merge-split' // two pieces of one paragraph joined
  | 'split-conflict' // copies of a paragraph were followed by different continuations
  | 'drop-duplicate' // an exact copy of a paragraph kept elsewhere
  | 'drop-fragment' // a paragraph contained in a longer one
  | 'drop-corrupt' // a near-copy judged corrupt
  | 'near-duplicate' // a pair of near-copies and how it was resolved
  | 'reassign' // a continuation moved to another answer than the one it follows in the file
  | 'pair-question' // a question paired with an answer
  | 'unanswered' // a question with no answer in the file
  | 'no-question' // an answer whose question is not in the file
  | 'drop-question-duplicate' // an exact copy of a question
  | 'skip' // text outside answers (title, lead)
  | 'announcement' // a paragraph read as the spokesperson's opening announcement
  | 'question-continues' // an unlabelled paragraph asking on from the question before it
  | 'topic'; // the topic label given to a unit

export interface ReportEntry {
  stage: 'parse' | 'repair' | 'dedupe' | 'units' | 'align' | 'topics';
  action: ReportAction;
  /** 1-based line numbers in the transcript that the decision is about. */
  lines: number[];
  /** One sentence saying what was decided and why. */
  detail: string;
}

/** Output of a stage: its result and what it decided. */
export interface StageResult<T> {
  value: T;
  report: ReportEntry[];
}

/** A short excerpt of a paragraph for report lines: `“开头…结尾”`. */
export function excerpt(text: string, head = 12, tail = 6): string {
  const chars = Array.from(text);
  if (chars.length <= head + tail + 1) return `“${text}”`;
  return `“${chars.slice(0, head).join('')}…${chars.slice(-tail).join('')}”`;
}
