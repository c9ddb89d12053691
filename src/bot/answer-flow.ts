import { answerQuestion } from '../search/index.js';
import type { Answer } from '../types.js';
import { messages } from '../messages.js';
import { renderAnswer, type ReplyBody } from './answer-view.js';
import type { BotContext } from './command.js';
import { checkQuestion } from './question-input.js';

/** What came of a question: refused before answering (bad input, rate limit), or the search's outcome. */
export type QuestionOutcome =
  | { kind: 'refused'; reason: 'empty' | 'no_words' | 'too_long' | 'rate_limited'; reply: ReplyBody }
  | { kind: Answer['status']; answer: Answer; reply: ReplyBody };

/**
 * The one path from a user's question text to a reply, shared by /ask, mentions, DMs, answer
 * channels and the context menu: check the text, take one from the user's rate limit, answer, render.
 */
export function answerFor(context: BotContext, userId: string, text: string, options: { publishable: boolean }): QuestionOutcome {
  const check = checkQuestion(text);
  if (!check.ok) {
    const content =
      check.problem === 'empty' ? messages.emptyQuestion : check.problem === 'no_words' ? messages.noWords : messages.tooLong(check.length, check.max);
    return { kind: 'refused', reason: check.problem, reply: { content } };
  }
  const refusal = takeRateLimit(context, userId);
  if (refusal !== null) return refusal;
  const answer = answerQuestion(context.index, check.question);
  context.logger.debug({ status: answer.status, unitId: answer.answer?.unitId, confidence: answer.answer?.confidence }, 'answered question');
  return { kind: answer.status, answer, reply: renderAnswer(context.index, answer, options.publishable) };
}

/** Takes one from the user's rate limit; returns the polite refusal when it is used up, else null. */
export function takeRateLimit(context: BotContext, userId: string): (QuestionOutcome & { kind: 'refused' }) | null {
  const decision = context.rateLimiter.take(userId);
  if (decision.allowed) return null;
  return { kind: 'refused', reason: 'rate_limited', reply: { content: messages.rateLimited(Math.ceil(decision.retryAfterMs / 1000)) } };
}
