import { answerQuestion, type Period } from '../search/index.js';
import type { Answer } from '../types.js';
import { messages } from '../messages.js';
import { renderAnswer, type ReplyBody } from './answer-view.js';
import type { BotContext } from './command.js';
import type { Asker } from './asker.js';
import { checkQuestion } from './question-input.js';

/** What came of a question: refused before answering (bad input, rate limit), or the search's outcome. */
export type QuestionOutcome =
  | { kind: 'refused'; reason: 'empty' | 'no_words' | 'too_long' | 'rate_limited'; reply: ReplyBody }
  | { kind: Answer['status']; answer: Answer; reply: ReplyBody };

/**
 * The one path from a user's question text to a reply, shared by /ask, mentions, DMs, answer
 * channels and the context menu (with /ask's 时间, the period to look in): check the text, take one
 * from the asker's rate limit, answer, render, and queue the outcome for feedback (refusals are not questions and are not kept). In
 * answer channels only answers are kept: there the bot stays quiet on anything else, which is
 * conversation rather than a question put to it.
 */
export function answerFor(context: BotContext, asker: Asker, text: string, options: { publishable: boolean; period?: Period }): QuestionOutcome {
  const check = checkQuestion(text);
  if (!check.ok) {
    const content =
      check.problem === 'empty' ? messages.emptyQuestion : check.problem === 'no_words' ? messages.noWords : messages.tooLong(check.length, check.max);
    return { kind: 'refused', reason: check.problem, reply: { content } };
  }
  const refusal = takeRateLimit(context, asker.userId);
  if (refusal !== null) return refusal;
  const answer = answerQuestion(context.index, check.question, options.period === undefined ? {} : { period: options.period });
  context.logger.debug({ status: answer.status, unitId: answer.answer?.unitId, confidence: answer.answer?.confidence }, 'answered question');
  if (asker.via !== 'channel' || answer.status === 'answered') {
    context.feedback.recordQuestion({
      guild: asker.scope,
      channelKind: asker.channelKind,
      via: asker.via,
      status: answer.status,
      question: check.question,
      unitId: answer.answer?.unitId ?? null,
      confidence: answer.answer?.confidence ?? null,
      closestTopics: answer.alternatives.map((alternative) => alternative.topic),
    });
  }
  const reply = renderAnswer(context.index, answer, { publishable: options.publishable, votable: context.feedback.enabled });
  return { kind: answer.status, answer, reply };
}

/** Takes one from the user's rate limit; returns the polite refusal when it is used up, else null. */
export function takeRateLimit(context: BotContext, userId: string): (QuestionOutcome & { kind: 'refused' }) | null {
  const decision = context.rateLimiter.take(userId);
  if (decision.allowed) return null;
  return { kind: 'refused', reason: 'rate_limited', reply: { content: messages.rateLimited(Math.ceil(decision.retryAfterMs / 1000)) } };
}
