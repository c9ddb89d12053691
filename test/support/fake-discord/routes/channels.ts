import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from '../options.js';
import type { Router } from '../router.js';
import type { FakeDiscordState } from '../state.js';
import type { FakeMessage } from '../payloads.js';
import { DiscordApiError } from '../errors.js';

/** Channels and their messages, typing and reactions. */
export function addChannelRoutes(router: Router, state: FakeDiscordState): void {
  const visible = (message: FakeMessage) => ((message.flags ?? 0) & MessageFlags.Ephemeral) === 0;
  const ownMessage = (channelId: string, messageId: string): FakeMessage => {
    const message = state.message(channelId, messageId);
    if (message.author.id !== state.bot.id) {
      throw new DiscordApiError(403, 50005, 'Cannot edit a message authored by another user');
    }
    return message;
  };

  /** In a guild channel the bot needs View Channel and Send Messages (its permissions are `@everyone`'s); in a DM nothing. */
  const maySend = (channelId: string): boolean => {
    const guildId = state.guildIdOf(channelId);
    if (guildId === undefined) return true;
    const guild = state.options.guilds.find((candidate) => candidate.id === guildId);
    const needed = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    return ((guild?.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS) & needed) === needed;
  };

  /** Without the Message Content intent enabled for the app, REST reads hide others' text too. */
  const asReadByBot = (message: FakeMessage): FakeMessage => {
    const seesContent =
      state.options.allowMessageContent ||
      message.guild_id === undefined ||
      message.author.id === state.bot.id ||
      message.mentions.some((user) => user.id === state.bot.id);
    return seesContent ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
  };

  router
    .add('GET /channels/:channelId', ({ params }) => ({ status: 200, body: state.channel(params.channelId as string) }))
    .add('GET /channels/:channelId/messages', ({ params, query }) => {
      state.channel(params.channelId as string);
      const limit = Math.min(Number(query.get('limit') ?? 50), 100);
      const newestFirst = state.messagesIn(params.channelId as string).filter(visible).reverse();
      return { status: 200, body: newestFirst.slice(0, limit).map(asReadByBot) };
    })
    .add('GET /channels/:channelId/messages/:messageId', ({ params }) => {
      const message = state.message(params.channelId as string, params.messageId as string);
      if (!visible(message)) throw new DiscordApiError(404, 10008, 'Unknown Message');
      return { status: 200, body: asReadByBot(message) };
    })
    .add('POST /channels/:channelId/messages', ({ params, body, json }) => {
      const channelId = params.channelId as string;
      state.channel(channelId);
      if (!maySend(channelId)) throw new DiscordApiError(403, 50013, 'Missing Permissions');
      const message = state.addMessage(state.buildBotMessage(channelId, json, body.files));
      state.onBotMessageChange('create', message);
      return { status: 200, body: message };
    })
    .add('PATCH /channels/:channelId/messages/:messageId', ({ params, body, json }) => {
      const message = ownMessage(params.channelId as string, params.messageId as string);
      state.editMessage(message, json, body.files);
      state.onBotMessageChange('update', message);
      return { status: 200, body: message };
    })
    .add('DELETE /channels/:channelId/messages/:messageId', ({ params }) => {
      const message = state.message(params.channelId as string, params.messageId as string);
      state.deleteMessage(message);
      state.onBotMessageChange('delete', message);
      return { status: 204 };
    })
    .add('POST /channels/:channelId/typing', ({ params }) => {
      state.channel(params.channelId as string);
      return { status: 204 };
    })
    .add('PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me', ({ params }) => {
      const message = state.message(params.channelId as string, params.messageId as string);
      const emoji = params.emoji as string;
      const reactions = (message.reactions ??= []);
      const existing = reactions.find((reaction) => reaction.emoji.name === emoji);
      if (existing) {
        existing.me = true;
      } else {
        reactions.push({
          count: 1,
          count_details: { burst: 0, normal: 1 },
          me: true,
          me_burst: false,
          burst_colors: [],
          emoji: { id: null, name: emoji },
        });
      }
      state.waiters.notify();
      return { status: 204 };
    });
}
