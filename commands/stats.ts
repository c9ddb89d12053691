import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { feedbackCommandTexts, feedbackMessages } from '../src/messages.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { interactionReply, NO_MENTIONS } from '../src/bot/reply.js';
import { renderStats } from '../src/bot/stats-view.js';

/**
 * `/stats` — this server's usage: answers and abstentions over 7 and 30 days, the most asked
 * questions the archive could not answer, the answers with most 👎. Registered for servers only,
 * shown by default to members with Manage Server (server admins can change who sees it under
 * Server Settings → Integrations). The reply is private.
 */
export const data = withText(new SlashCommandBuilder(), feedbackCommandTexts.stats)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (!interaction.inGuild()) {
    await interaction.reply(interactionReply({ content: feedbackMessages.statsGuildOnly }, true));
    return;
  }
  // Reading and grouping a month of questions is a database read: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const stats = context.feedback.guildStats(interaction.guildId);
  const body = stats === null ? { content: feedbackMessages.statsOff } : renderStats(context.index, stats, context.config.feedback.retentionDays);
  await interaction.editReply({ ...body, allowedMentions: NO_MENTIONS });
}
