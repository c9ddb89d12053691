/** Longest question the bot accepts (the `/ask` option enforces it too). */
export const MAX_QUESTION_LENGTH = 500;

/** Why a question text cannot be answered, or the question to answer. */
export type QuestionCheck =
  | { ok: true; question: string }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'no_words' }
  | { ok: false; problem: 'too_long'; length: number; max: number };

// Discord mention syntax (users, roles, channels, @everyone, @here): addressing, not part of the question.
const MENTIONS = /<@[!&]?\d+>|<#\d+>|@(everyone|here)\b/g;
// Custom emoji (<:name:id>, <a:name:id>), then pictographs with their modifiers, joiners and selectors.
const CUSTOM_EMOJI = /<a?:\w+:\d+>/g;
const KEYCAP = /[0-9#*]\ufe0f?\u20e3/g;
const NOT_WORDS = /[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f\p{P}\p{S}\p{Z}\s]/gu;

/**
 * Checks a question before it is answered: removes mentions (`<@id>`, `<@&role>`, `<#channel>`,
 * @everyone, @here) and trims it; empty → `empty`; nothing but emoji,
 * punctuation or symbols → `no_words`; longer than `max` characters (code points) → `too_long`.
 * `checkQuestion('  中美关系？ ')` → `{ ok: true, question: '中美关系？' }`; `checkQuestion('👍🏽🎉')` → `no_words`.
 */
export function checkQuestion(text: string, max: number = MAX_QUESTION_LENGTH): QuestionCheck {
  const question = text.replace(MENTIONS, ' ').replace(/\s{2,}/g, ' ').trim();
  if (question === '') return { ok: false, problem: 'empty' };
  const length = [...question].length;
  if (length > max) return { ok: false, problem: 'too_long', length, max };
  // Digits are Emoji_Component too (keycaps), so keep them when judging "only emoji".
  const words = question.replace(CUSTOM_EMOJI, '').replace(KEYCAP, '').replace(/\d/g, 'x').replace(NOT_WORDS, '');
  if (words === '') return { ok: false, problem: 'no_words' };
  return { ok: true, question };
}
