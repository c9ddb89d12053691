import { ChannelType, type Channel, type Interaction, type Message } from 'discord.js';
import { DM_SCOPE, type AskedVia, type ChannelKind } from '../feedback/index.js';

/** Who asked, where and how: what the answer flow needs for the rate limit and what feedback keeps. */
export interface Asker {
  /** For the rate limit only; feedback never stores it. */
  userId: string;
  /** The guild id, or `DM_SCOPE`. */
  scope: string;
  channelKind: ChannelKind;
  via: AskedVia;
}

/** The asker of an interaction (slash command, context menu). */
export function askerOfInteraction(interaction: Interaction, via: AskedVia): Asker {
  return { userId: interaction.user.id, scope: interaction.guildId ?? DM_SCOPE, channelKind: channelKindOf(interaction.channel, interaction.guildId !== null), via };
}

/** The asker of a message (mention, DM, answer channel). */
export function askerOfMessage(message: Message, via: AskedVia): Asker {
  return { userId: message.author.id, scope: message.guildId ?? DM_SCOPE, channelKind: channelKindOf(message.channel, message.guildId !== null), via };
}

/**
 * The kind of channel, as feedback keeps it. An uncached channel is `dm` outside a guild, else `other`.
 * `channelKindOf({ type: ChannelType.PublicThread }, true)` → `'thread'`
 */
export function channelKindOf(channel: Pick<Channel, 'type'> | null, inGuild: boolean): ChannelKind {
  switch (channel?.type) {
    case ChannelType.GuildText:
    case ChannelType.GuildAnnouncement:
      return 'text';
    case ChannelType.PublicThread:
    case ChannelType.PrivateThread:
    case ChannelType.AnnouncementThread:
      return 'thread';
    case ChannelType.GuildVoice:
    case ChannelType.GuildStageVoice:
      return 'voice';
    case ChannelType.DM:
    case ChannelType.GroupDM:
      return 'dm';
    default:
      return inGuild ? 'other' : 'dm';
  }
}
