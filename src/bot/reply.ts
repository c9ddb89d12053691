import { MessageFlags, Routes, type Client, type MessageMentionOptions } from 'discord.js';
import type { ReplyBody } from './answer-view.js';

/**
 * Mentions nobody: quoted text or a user's question containing @everyone, a role or a user ping
 * notifies no one, and replies do not ping the person replied to. Set on the client and on every send.
 */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

/** Reply options for an interaction: the body, no mentions, ephemeral when asked. */
export function interactionReply(body: ReplyBody, ephemeral: boolean) {
  return { ...body, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/**
 * Posts `body` in a channel as a reply to one message, through REST, so it works whether or not the
 * channel is cached (a context-menu target may come from an uncached channel). Throws the REST error
 * (e.g. Missing Access) for the caller to fall back on.
 */
export async function postReplyTo(client: Client, channelId: string, messageId: string, body: ReplyBody): Promise<void> {
  await client.rest.post(Routes.channelMessages(channelId), {
    body: {
      ...body,
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: messageId, channel_id: channelId, fail_if_not_exists: false },
    },
  });
}
