import type { ButtonInteraction, ChatInputCommandInteraction, StringSelectMenuInteraction } from 'discord.js';
import { getUnit } from '../search/index.js';
import type { AnswerUnit } from '../types.js';
import { DM_SCOPE } from '../feedback/index.js';
import { feedbackMessages, messages } from '../messages.js';
import { takeRateLimit } from './answer-flow.js';
import { renderUnitView } from './answer-view.js';
import { showTimelinePage } from './timeline-view.js';
import type { BotContext } from './command.js';
import { decodeCustomId, resolveRef } from './custom-id.js';
import { formatAttribution, formatQuote } from './quote.js';
import { interactionReply } from './reply.js';

/**
 * Handles the buttons and the select menu on an answer: ◀ ▶ re-render the message at another
 * page (of an answer, or of a /timeline); 发到频道 posts the whole answer as a public block quote; the menu posts one paragraph;
 * 👍 👎 queue the user's vote and tell them privately. Everything needed is in the custom id, so
 * components on old messages work after a restart.
 */
export async function handleComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, context: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  if (action?.kind === 'timeline') return showTimelinePage(interaction, context, action.ref, action.page);
  const unit = action === null ? undefined : getUnit(context.index, resolveRef(context.index.file, action.ref));
  if (action === null || unit === undefined) {
    await interaction.reply(interactionReply({ content: messages.answerGone }, true));
    return;
  }
  if (action.kind === 'page') {
    await interaction.update(renderUnitView(context.index.file, unit, { ...action, votable: context.feedback.enabled }));
    return;
  }
  if (action.kind === 'vote') {
    if (!context.feedback.enabled) {
      await interaction.reply(interactionReply({ content: feedbackMessages.voteNotKept }, true));
      return;
    }
    context.feedback.recordVote({ guild: interaction.guildId ?? DM_SCOPE, userId: interaction.user.id, unitId: unit.id, vote: action.vote });
    await interaction.reply(interactionReply({ content: feedbackMessages.voteRecorded(action.vote) }, true));
    return;
  }
  const paragraphs =
    action.kind === 'quote' && interaction.isStringSelectMenu()
      ? interaction.values.map((value) => unit.paragraphs[Number(value)]).filter((text) => text !== undefined)
      : unit.paragraphs;
  if (paragraphs.length === 0) {
    await interaction.reply(interactionReply({ content: messages.answerGone }, true));
    return;
  }
  await sendQuote(interaction, context, unit, paragraphs);
}

/**
 * Posts paragraphs of a unit publicly as a block quote with its attribution line: the reply, then
 * follow-ups when the quote needs more than one 2000-character message. Public posts count against
 * the user's rate limit; over it, the user alone gets the polite refusal.
 */
export async function sendQuote(
  interaction: ButtonInteraction | StringSelectMenuInteraction | ChatInputCommandInteraction,
  context: BotContext,
  unit: AnswerUnit,
  paragraphs: readonly string[],
): Promise<void> {
  const refusal = takeRateLimit(context, interaction.user.id);
  if (refusal !== null) {
    await interaction.reply(interactionReply(refusal.reply, true));
    return;
  }
  const [first, ...rest] = formatQuote(paragraphs, formatAttribution(context.index.file, unit));
  await interaction.reply(interactionReply({ content: first ?? '' }, false));
  for (const content of rest) await interaction.followUp(interactionReply({ content }, false));
}
