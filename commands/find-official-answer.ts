import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { commandTexts, messages } from '../src/messages.js';
import { answerFor } from '../src/bot/answer-flow.js';
import { askerOfInteraction } from '../src/bot/asker.js';
import type { BotContext } from '../src/bot/command.js';
import { renderAnswer } from '../src/bot/answer-view.js';
import { logFailure } from '../src/bot/failure-log.js';
import { REQUIRED_PERMISSIONS } from '../src/bot/permissions.js';
import { interactionReply, NO_MENTIONS, postReplyTo } from '../src/bot/reply.js';

/**
 * Message context menu 查找官方回答 / "Find official answer": answers the target message's text
 * as a public reply to that message. Where the bot cannot post there (no permission, a channel it
 * is not in), the invoker gets the answer privately, with the button to post it through the interaction.
 */
export const data = new ContextMenuCommandBuilder()
  .setName(commandTexts.findOfficialAnswer.name)
  .setNameLocalizations(commandTexts.findOfficialAnswer.nameLocalizations)
  .setType(ApplicationCommandType.Message);

export async function execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void> {
  const target = interaction.targetMessage;
  const text = target.content;
  if (text.trim() === '') {
    await interaction.reply(interactionReply({ content: messages.targetHasNoText }, true));
    return;
  }
  // The index this answer came from, for the replies after an await (a reload may replace context.index meanwhile).
  const { index } = context;
  const outcome = answerFor(context, askerOfInteraction(interaction, 'context_menu'), text, { publishable: false });
  // Only an answer is posted on someone's message; "no answer" and refusals go to the invoker alone.
  if (outcome.kind !== 'answered') {
    await interaction.reply(interactionReply(outcome.reply, true));
    return;
  }
  // Without the permissions to post a reply there (or outside a server the bot is in), answer privately at once.
  if (!interaction.appPermissions.has(REQUIRED_PERMISSIONS)) {
    await interaction.reply(interactionReply(renderAnswer(index, outcome.answer, { publishable: true, votable: context.feedback.enabled }), true));
    return;
  }
  // Posting is a REST call of its own; defer so the interaction is acknowledged well within 3 s.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    await postReplyTo(interaction.client, interaction.channelId, target.id, outcome.reply);
    await interaction.editReply({ content: messages.repliedInChannel });
  } catch (error) {
    logFailure(context.logger, 'info', error, { channelId: interaction.channelId, guildId: interaction.guildId }, 'cannot reply in channel; answering privately');
    await interaction.editReply({ ...renderAnswer(index, outcome.answer, { publishable: true, votable: context.feedback.enabled }), allowedMentions: NO_MENTIONS });
  }
}
