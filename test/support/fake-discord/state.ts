import { performance } from 'node:perf_hooks';
import { MessageFlags, MessageType, type APIUser } from 'discord.js';
import type { ResolvedOptions } from './options.js';
import { botUser, dmChannelPayload, messagePayload, textChannelPayload, userPayload, type FakeMessage, type Json } from './payloads.js';
import { createSnowflakeGenerator } from './snowflake.js';
import { Waiters } from './waiters.js';
import { DiscordApiError, invalidFormBody, unknown } from './errors.js';
import { validateMessageBody } from './validate.js';

/** A file uploaded in a multipart request. */
export interface RecordedFile {
  /** Form field name, e.g. `'files[0]'`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** One REST request the bot made, as the stand-in saw it. */
export interface RecordedRequest {
  method: string;
  /** Path after the version prefix, e.g. `'/channels/1180000000000000101/messages'`. */
  path: string;
  /** The route pattern that answered, e.g. `'POST /channels/:channelId/messages'`; `null` if none matched. */
  route: string | null;
  query: Record<string, string>;
  /** JSON body, or the parsed `payload_json` of a multipart body; `undefined` when empty. */
  body: unknown;
  files: RecordedFile[];
  /** The `Authorization` header (`'Bot <token>'`), `null` for unauthenticated webhook and callback calls. */
  authorization: string | null;
  /** HTTP status answered. */
  status: number;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** An interaction callback (POST /interactions/:id/:token/callback) the bot made. */
export interface RecordedCallback {
  /** InteractionResponseType: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Json | undefined;
  /** Milliseconds between the INTERACTION_CREATE dispatch and this callback's arrival. */
  elapsedMs: number;
  /** Whether the bot asked for `with_response=true`. */
  withResponse: boolean;
  /** HTTP status answered (204/200 on success; 400 already acknowledged; 404 expired). */
  status: number;
}

/** Everything the stand-in knows of one dispatched interaction. */
export interface InteractionRecord {
  payload: Json;
  /** `performance.now()` at dispatch. */
  dispatchedAt: number;
  /** Every callback attempt, including rejected ones. */
  callbacks: RecordedCallback[];
  /** The original response message, after any edits; `undefined` before a reply or after deletion. */
  original: FakeMessage | undefined;
  /** Follow-up messages, after any edits. */
  followups: FakeMessage[];
  /** For component interactions: the message the component is on. */
  sourceMessage: FakeMessage | undefined;
}

/** Kinds of message change echoed to the bot over the gateway. */
export type MessageChange = 'create' | 'update' | 'delete';

/**
 * The stand-in's world: users, channels, messages, registered commands, interactions and the
 * request log. REST routes and gateway helpers both read and change it; each change calls
 * `waiters.notify()`.
 */
export class FakeDiscordState {
  readonly nextId = createSnowflakeGenerator();
  readonly bot: APIUser;
  readonly waiters: Waiters;
  readonly users = new Map<string, APIUser>();
  readonly channels = new Map<string, Json>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly requests: RecordedRequest[] = [];
  readonly globalCommands: Json[] = [];
  readonly guildCommands = new Map<string, Json[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  /** Called for each change to a message the bot made, to echo it over the gateway. */
  onBotMessageChange: (change: MessageChange, message: FakeMessage) => void = () => {};

  constructor(readonly options: ResolvedOptions) {
    this.waiters = new Waiters(options.waitTimeoutMs);
    this.bot = botUser(options);
    this.users.set(this.bot.id, this.bot);
    this.users.set(options.user.id, userPayload(options.user));
    for (const guild of options.guilds) {
      guild.channels.forEach((channel, position) => {
        this.channels.set(channel.id, textChannelPayload(guild, channel, position));
      });
    }
  }

  /** The guild id of `channelId`, or `undefined` for DMs and unknown channels. */
  guildIdOf(channelId: string): string | undefined {
    return this.channels.get(channelId)?.guild_id as string | undefined;
  }

  /** The channel, or 404 Unknown Channel. */
  channel(channelId: string): Json {
    const channel = this.channels.get(channelId);
    if (!channel) throw unknown(10003, 'Unknown Channel');
    return channel;
  }

  /** The DM channel between the bot and `user`, created on first use. */
  dmChannelFor(user: APIUser): Json {
    this.users.set(user.id, user);
    for (const channel of this.channels.values()) {
      const recipients = channel.recipients as APIUser[] | undefined;
      if (recipients?.[0]?.id === user.id) return channel;
    }
    const channel = dmChannelPayload(this.nextId(), user);
    this.channels.set(channel.id as string, channel);
    return channel;
  }

  /** Messages of `channelId`, oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    let list = this.messages.get(channelId);
    if (!list) this.messages.set(channelId, (list = []));
    return list;
  }

  /** The message, or 404 Unknown Message. */
  message(channelId: string, messageId: string): FakeMessage {
    const found = this.messagesIn(channelId).find((message) => message.id === messageId);
    if (!found) throw unknown(10008, 'Unknown Message');
    return found;
  }

  /** Stores a message and notifies waiters. */
  addMessage(message: FakeMessage): FakeMessage {
    this.messagesIn(message.channel_id).push(message);
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.last_message_id = message.id;
    this.waiters.notify();
    return message;
  }

  /** Records a request and notifies waiters. */
  recordRequest(request: RecordedRequest): void {
    this.requests.push(request);
    this.waiters.notify();
  }

  /**
   * Builds a message the bot sends, from a create body (channel message, interaction reply or
   * follow-up): checks Discord's limits, resolves `message_reference`, and computes `mentions`
   * and `mention_everyone` as Discord does, honouring `allowed_mentions`.
   */
  buildBotMessage(channelId: string, body: Json, files: RecordedFile[], overrides: Partial<FakeMessage> = {}): FakeMessage {
    const errors = validateMessageBody(body);
    const content = typeof body.content === 'string' ? body.content : '';
    const hasPayload =
      content !== '' ||
      (Array.isArray(body.embeds) && body.embeds.length > 0) ||
      (Array.isArray(body.components) && body.components.length > 0) ||
      files.length > 0 ||
      body.poll !== undefined ||
      Array.isArray(body.sticker_ids);
    if (!hasPayload && overrides.flags === undefined) {
      throw new DiscordApiError(400, 50006, 'Cannot send an empty message');
    }
    let reference: FakeMessage | undefined;
    const messageReference = body.message_reference as Json | undefined;
    if (messageReference?.message_id) {
      reference = this.messagesIn((messageReference.channel_id as string | undefined) ?? channelId).find(
        (message) => message.id === messageReference.message_id,
      );
      if (!reference && messageReference.fail_if_not_exists !== false) {
        errors.push({ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' });
      }
    }
    if (errors.length > 0) throw invalidFormBody(errors);
    const guildId = this.guildIdOf(channelId);
    const mentions = this.#mentions(content, body.allowed_mentions as Json | undefined, reference);
    return messagePayload({
      id: this.nextId(),
      channelId,
      author: this.bot,
      content,
      timestamp: new Date().toISOString(),
      overrides: {
        ...(guildId ? { guild_id: guildId } : {}),
        embeds: (body.embeds as FakeMessage['embeds'] | undefined) ?? [],
        components: (body.components as FakeMessage['components'] | undefined) ?? [],
        attachments: this.#attachments(body, files),
        tts: body.tts === true,
        flags: (body.flags as number | undefined) ?? 0,
        mentions: mentions.users,
        mention_everyone: mentions.everyone,
        mention_roles: [],
        ...(body.nonce !== undefined ? { nonce: body.nonce as string } : {}),
        ...(reference
          ? {
              type: MessageType.Reply,
              message_reference: { type: 0, channel_id: reference.channel_id, message_id: reference.id, ...(guildId ? { guild_id: guildId } : {}) },
              referenced_message: reference,
            }
          : {}),
        ...overrides,
      },
    });
  }

  /** Applies an edit body (PATCH) to `message` in place and returns it. */
  editMessage(message: FakeMessage, body: Json, files: RecordedFile[]): FakeMessage {
    const errors = validateMessageBody(body);
    if (errors.length > 0) throw invalidFormBody(errors);
    if (typeof body.content === 'string' || body.content === null) {
      message.content = (body.content as string | null) ?? '';
      const mentions = this.#mentions(message.content, body.allowed_mentions as Json | undefined, undefined);
      message.mentions = mentions.users;
      message.mention_everyone = mentions.everyone;
    }
    if (body.embeds !== undefined) message.embeds = (body.embeds as FakeMessage['embeds'] | null) ?? [];
    if (body.components !== undefined) message.components = (body.components as FakeMessage['components'] | null) ?? [];
    if (body.attachments !== undefined || files.length > 0) message.attachments = this.#attachments(body, files);
    // Editing a deferred response clears LOADING; EPHEMERAL can't be changed by an edit.
    message.flags = ((message.flags ?? 0) & ~MessageFlags.Loading) | (((body.flags as number | undefined) ?? 0) & MessageFlags.SuppressEmbeds);
    message.edited_timestamp = new Date().toISOString();
    this.waiters.notify();
    return message;
  }

  /** Removes `message` from its channel. */
  deleteMessage(message: FakeMessage): void {
    const list = this.messagesIn(message.channel_id);
    const index = list.indexOf(message);
    if (index >= 0) list.splice(index, 1);
    this.waiters.notify();
  }

  /** The interaction whose webhook token is `token` and application `applicationId`, or 404 Unknown Webhook. */
  interactionByToken(applicationId: string, token: string): InteractionRecord {
    const record = this.interactionsByToken.get(token);
    if (!record || applicationId !== this.options.applicationId) throw unknown(10015, 'Unknown Webhook');
    return record;
  }

  /** Milliseconds since `record` was dispatched. */
  elapsedSince(record: InteractionRecord): number {
    return Math.round((performance.now() - record.dispatchedAt) * 10) / 10;
  }

  #mentions(content: string, allowed: Json | undefined, reference: FakeMessage | undefined): { users: APIUser[]; everyone: boolean } {
    const parse = (allowed?.parse as string[] | undefined) ?? (allowed ? [] : ['users', 'roles', 'everyone']);
    const allowedUsers = new Set((allowed?.users as string[] | undefined) ?? []);
    const users = new Map<string, APIUser>();
    for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
      const id = match[1] as string;
      if (!parse.includes('users') && !allowedUsers.has(id)) continue;
      users.set(id, this.users.get(id) ?? { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null });
    }
    if (reference && (allowed?.replied_user ?? !allowed) !== false) users.set(reference.author.id, reference.author);
    const everyone = parse.includes('everyone') && /@(everyone|here)/.test(content);
    return { users: [...users.values()], everyone };
  }

  #attachments(body: Json, files: RecordedFile[]): FakeMessage['attachments'] {
    const described = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
    return files.map((file, index) => {
      const id = this.nextId();
      const filename = (described[index]?.filename as string | undefined) ?? file.name;
      return {
        id,
        filename,
        size: file.data.length,
        url: `https://cdn.discordapp.com/attachments/0/${id}/${filename}`,
        proxy_url: `https://media.discordapp.net/attachments/0/${id}/${filename}`,
        content_type: file.contentType,
      };
    });
  }
}
