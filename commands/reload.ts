import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { archiveCommandTexts, archiveMessages } from '../src/messages.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { NO_MENTIONS } from '../src/bot/reply.js';

/**
 * `/reload` — the bot's owner (the application's owner as Discord names it, or OWNER_IDS) loads
 * the rebuilt index without a restart, as SIGHUP does; requests in flight finish on the old one.
 * Registered for administrators by default; anyone else who runs it is told it is the owner's.
 */
export const data = withText(new SlashCommandBuilder(), archiveCommandTexts.reload).setDefaultMemberPermissions(PermissionFlagsBits.Administrator);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  // Loading a large index can take longer than Discord's 3 seconds: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = async (content: string) => void (await interaction.editReply({ content, allowedMentions: NO_MENTIONS }));
  if (context.reload === undefined || context.isOwner === undefined) return reply(archiveMessages.reloadUnavailable);
  if (!(await context.isOwner(interaction.user.id))) return reply(archiveMessages.reloadNotOwner);
  const outcome = await context.reload('command');
  await reply(outcome.ok ? archiveMessages.reloadDone(outcome.units, outcome.previousUnits, outcome.lines, outcome.ms) : archiveMessages.reloadFailed(outcome.reason));
}
