import type { Message } from 'discord.js';
import type { BotContext } from './command.js';
import { answerFor } from './answer-flow.js';
import { askerOfMessage } from './asker.js';
import { NO_MENTIONS } from './reply.js';

/** The parts of a message that decide whether the bot answers it. */
export interface MessageFacts {
  authorId: string;
  /** A bot or a webhook. */
  authorIsBot: boolean;
  /** False in DMs. */
  inGuild: boolean;
  channelId: string;
  /** The parent channel of a thread, so threads of an answer channel count as it. */
  parentChannelId: string | null;
  content: string;
}

/** What the bot listens to, fixed at start-up. */
export interface ListenSettings {
  botUserId: string;
  answerChannelIds: ReadonlySet<string>;
  /** ANSWER_CHANNEL_IDS set and the Message Content intent enabled (without it Discord sends no text). */
  channelAnswers: boolean;
}

/** Whether and how to answer: `dm` and `mention` always reply; `channel` replies only with an answer. */
export type MessageDecision =
  | { action: 'ignore'; reason: 'own' | 'bot' | 'not_addressed' }
  | { action: 'answer'; via: 'dm' | 'mention' | 'channel' };

/**
 * Decides what to do with a message. Never answers itself or other bots; answers DMs and messages
 * that mention it; in answer channels, everything else too. The question is then the content
 * (`checkQuestion` removes the mentions).
 * `decideMessage({ …, content: '<@42> 中美关系？' }, { botUserId: '42', … })` → `{ action: 'answer', via: 'mention' }`
 */
export function decideMessage(facts: MessageFacts, settings: ListenSettings): MessageDecision {
  if (facts.authorId === settings.botUserId) return { action: 'ignore', reason: 'own' };
  if (facts.authorIsBot) return { action: 'ignore', reason: 'bot' };
  if (!facts.inGuild) return { action: 'answer', via: 'dm' };
  if (new RegExp(`<@!?${settings.botUserId}>`).test(facts.content)) return { action: 'answer', via: 'mention' };
  const inAnswerChannel =
    settings.answerChannelIds.has(facts.channelId) || (facts.parentChannelId !== null && settings.answerChannelIds.has(facts.parentChannelId));
  if (settings.channelAnswers && inAnswerChannel) return { action: 'answer', via: 'channel' };
  return { action: 'ignore', reason: 'not_addressed' };
}

/**
 * Replies to a message the bot is addressed in (see `decideMessage`), as a reply that pings no one.
 * In answer channels it stays quiet unless it has an answer: no "not found", no refusals.
 */
export async function handleMessage(message: Message, context: BotContext, settings: ListenSettings): Promise<void> {
  const decision = decideMessage(
    {
      authorId: message.author.id,
      authorIsBot: message.author.bot || message.webhookId !== null,
      inGuild: message.inGuild(),
      channelId: message.channelId,
      parentChannelId: message.channel.isThread() ? message.channel.parentId : null,
      content: message.content,
    },
    settings,
  );
  if (decision.action === 'ignore') return;
  const outcome = answerFor(context, askerOfMessage(message, decision.via), message.content, { publishable: false });
  if (decision.via === 'channel' && outcome.kind !== 'answered') return;
  context.logger.info({ via: decision.via, outcome: outcome.kind, channelId: message.channelId }, 'message answered');
  await message.reply({ ...outcome.reply, allowedMentions: NO_MENTIONS });
}
