/**
 * Search: from a user's question to the official answer that covers it, or an honest
 * "no answer". Every front end (CLI, console, Discord) goes through `answerQuestion`.
 *
 * Pipeline: normalize.ts (folding for matching) → tokenize.ts (jieba + user dictionary, stop
 * words, Latin words whole) → query.ts (synonyms, English glossary) → search-index.ts
 * (minisearch over weighted fields) → answer.ts (coverage, margin, decision).
 */
export { createSearchIndex, type SearchIndex } from './search-index.js';
export { answerQuestion, MAX_QUESTION_CHARS } from './answer.js';
export {
  suggestTopics,
  findParagraphs,
  getUnit,
  getUnanswered,
  type TopicSuggestion,
  type ParagraphHit,
} from './topics.js';
export { SEARCH_OPTIONS, type SearchOptions } from './options.js';
export { newestYearOf, type AnswerOptions } from './asked-time.js';
export { parsePeriod, readAskedTime, inPeriod, type Period, type AskedTime } from './dates.js';
