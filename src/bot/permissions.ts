import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * The channel permissions the bot needs, and no more: see channels and receive messages (View
 * Channels), answer mentions (Send Messages), show answers as embeds in its own messages (Embed
 * Links; interaction replies do not need it), and reply to a message (Read Message History).
 * Slash commands, buttons and menus need no permission of the bot. = 84992
 */
export const REQUIRED_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]);

/** The link that adds the bot to a server with those permissions and its commands. */
export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${REQUIRED_PERMISSIONS.bitfield}`;
}
