import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { GatewayIntentBits, InteractionType, MessageFlags, MessageType, ApplicationCommandType, type APIUser } from 'discord.js';
import { FakeGateway, type CloseRecord, type DispatchPayload, type IdentifyRecord, type ResumeRecord } from './gateway.js';
import {
  baseInteraction,
  buttonData,
  chatInputData,
  messageCommandData,
  selectData,
  toInteractionOptions,
  type InteractionOption,
  type OptionValues,
} from './interaction-payloads.js';
import { InteractionHandle } from './interaction-handle.js';
import { resolveOptions, type FakeDiscordOptions, type FakeGuildOptions, type FakeUserOptions, type ResolvedOptions } from './options.js';
import { memberWithoutUser, messagePayload, userPayload, type FakeMessage, type Json } from './payloads.js';
import { handleRestRequest } from './rest-server.js';
import { Router } from './router.js';
import { addAppRoutes } from './routes/app.js';
import { addChannelRoutes } from './routes/channels.js';
import { addCommandRoutes } from './routes/commands.js';
import { addInteractionRoutes } from './routes/interactions.js';
import { FakeDiscordState, type InteractionRecord, type MessageChange, type RecordedRequest } from './state.js';

/** Where a message or interaction happens. */
export interface PlaceOptions {
  /** Channel id; defaults to the first channel of `guildId` (or of the first guild). Ignored when `isDm`. */
  channelId?: string;
  /** Guild whose first channel is used when `channelId` is not given. */
  guildId?: string;
  /** In the DM channel between the user and the bot, instead of a guild channel. */
  isDm?: boolean;
}

/** Options of {@link FakeDiscord.sendMessage}. */
export interface SendMessageOptions extends PlaceOptions {
  /** Who posts; defaults to the configured `user`. Set `bot: true` for another bot. */
  author?: FakeUserOptions;
  /** Text as typed; `<@botId>` is prepended when `mentionsBot` and not already present. */
  content: string;
  /** Mentions the bot (`<@botId>` in content and the bot in `mentions`). */
  mentionsBot?: boolean;
  /** Sets `mention_everyone`; by default true when the content has `@everyone` or `@here`. */
  mentionEveryone?: boolean;
  /** Role ids in `mention_roles`. */
  mentionRoles?: string[];
  /** Makes the message a reply to `replyTo` (`message_reference`, `referenced_message`). */
  replyTo?: FakeMessage;
}

/** Options of {@link FakeDiscord.sendSlashCommand}. */
export interface SlashCommandOptions extends PlaceOptions {
  /** Who invokes it; defaults to the configured `user`. */
  user?: FakeUserOptions;
  /** Command name, e.g. `'ask'`. */
  name: string;
  /** Option values by name, e.g. `{ question: '…' }`, or raw `data.options`. */
  options?: OptionValues | InteractionOption[];
  /** Subcommand name wrapping `options`. */
  subcommand?: string;
  /** The invoker's client locale, e.g. `'zh-CN'` (default `'zh-CN'`). */
  locale?: string;
}

/** Options of {@link FakeDiscord.sendAutocomplete}. */
export interface AutocompleteOptions extends SlashCommandOptions {
  /** Name of the option being typed in; defaults to the last of `options`. */
  focused?: string;
}

/** Options of {@link FakeDiscord.sendButton}. */
export interface ButtonOptions extends PlaceOptions {
  /** Who invokes it; defaults to the configured `user`. */
  user?: FakeUserOptions;
  customId: string;
  /** The message the button is on, e.g. `handle.original()`; its channel is used. */
  message: FakeMessage;
  locale?: string;
}

/** Options of {@link FakeDiscord.sendSelect}. */
export interface SelectOptions extends ButtonOptions {
  /** Chosen option values. */
  values: string[];
}

/** Options of {@link FakeDiscord.sendMessageContextCommand}. */
export interface MessageContextCommandOptions extends PlaceOptions {
  /** Who invokes it; defaults to the configured `user`. */
  user?: FakeUserOptions;
  /** Command name, e.g. `'查找官方回答'` or `'Find official answer'`. */
  name: string;
  /** The message right-clicked, e.g. what `sendMessage` returned; its channel is used. */
  targetMessage: FakeMessage;
  locale?: string;
}

/**
 * A stand-in for Discord on loopback that the real discord.js client talks to: REST under
 * {@link FakeDiscord.apiBase} and a gateway v10 WebSocket that GET /gateway/bot points to.
 * Tests drive it as users would (`sendMessage`, `sendSlashCommand`, …) and assert on what the
 * bot sent (`requests`, `messagesIn`, `InteractionHandle`).
 *
 * @example
 * const discord = await FakeDiscord.start({ heartbeatIntervalMs: 1000 });
 * const client = new Client({ intents, rest: { api: discord.apiBase } });
 * await client.login('test-token');
 * const reply = discord.sendSlashCommand({ name: 'ask', options: { question: '台湾问题' } });
 * expect((await reply.waitForCallback()).elapsedMs).toBeLessThan(3000);
 * await client.destroy();
 * await discord.close();
 */
export class FakeDiscord {
  readonly #state: FakeDiscordState;
  readonly #gateway: FakeGateway;
  readonly #server: Server;
  readonly #origin: string;

  private constructor(state: FakeDiscordState, gateway: FakeGateway, server: Server, origin: string) {
    this.#state = state;
    this.#gateway = gateway;
    this.#server = server;
    this.#origin = origin;
  }

  /** Starts the stand-in on 127.0.0.1 on an ephemeral port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const state = new FakeDiscordState(resolveOptions(options));
    let origin = '';
    const gateway = new FakeGateway(state, () => `ws://${origin}/gateway`);
    const router = new Router();
    addAppRoutes(router, state, () => `ws://${origin}/gateway`);
    addCommandRoutes(router, state);
    addInteractionRoutes(router, state);
    addChannelRoutes(router, state);
    const server = createServer((request, response) => {
      void handleRestRequest(state, router, request, response);
    });
    server.on('upgrade', (request, socket, head: Buffer) => {
      if (request.url?.startsWith('/gateway')) gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const discord = new FakeDiscord(state, gateway, server, origin);
    state.onBotMessageChange = (change, message) => discord.#echo(change, message);
    return discord;
  }

  // ── Configuration ────────────────────────────────────────────────────────────────────────

  /** The REST base to give discord.js (`rest: { api }`) and the bot (`DISCORD_API_BASE`); it appends `/v10/…`. */
  get apiBase(): string {
    return `http://${this.#origin}/api`;
  }

  /** The gateway URL that GET /gateway/bot returns (also `resume_gateway_url`). */
  get gatewayUrl(): string {
    return `ws://${this.#origin}/gateway`;
  }

  /** The options in effect, defaults applied. */
  get options(): ResolvedOptions {
    return this.#state.options;
  }

  /** The application id, which is also the bot user's id. */
  get applicationId(): string {
    return this.#state.options.applicationId;
  }

  /** The bot's user object. */
  get botUser(): APIUser {
    return this.#state.bot;
  }

  /** The default user (author of messages and invoker of interactions unless a test names another). */
  get user(): APIUser {
    return userPayload(this.#state.options.user);
  }

  /** The default guild (the first configured). */
  get guild(): FakeGuildOptions {
    return this.#state.options.guilds[0] as FakeGuildOptions;
  }

  /** The default channel id (the first channel of the first guild). */
  get channelId(): string {
    return this.guild.channels[0]?.id as string;
  }

  // ── Gateway ──────────────────────────────────────────────────────────────────────────────

  /** WebSocket connections opened so far. */
  get connectionCount(): number {
    return this.#gateway.connectionCount;
  }

  /** IDENTIFY payloads received, accepted or not. */
  get identifies(): readonly IdentifyRecord[] {
    return this.#gateway.identifies;
  }

  /** RESUME payloads received, with their outcome. */
  get resumes(): readonly ResumeRecord[] {
    return this.#gateway.resumes;
  }

  /** READY dispatches sent. */
  get readyCount(): number {
    return this.#gateway.readyCount;
  }

  /** Heartbeats received (each was ACKed). */
  get heartbeatCount(): number {
    return this.#gateway.heartbeatCount;
  }

  /** Gateway sockets closed so far, by whom and with what code. */
  get closes(): readonly CloseRecord[] {
    return this.#gateway.closes;
  }

  /** Every payload the client sent over the gateway (`{ op, d }`), e.g. presence updates (op 3). */
  get gatewayPayloads(): readonly Json[] {
    return this.#gateway.received;
  }

  /** Resolves with the `count`-th IDENTIFY received (counting from the start). */
  waitForIdentify(count = 1, timeoutMs?: number): Promise<IdentifyRecord> {
    return this.#state.waiters.waitFor(`IDENTIFY #${count}`, () => this.#gateway.identifies[count - 1], timeoutMs);
  }

  /** Resolves with the `count`-th RESUME received (counting from the start). */
  waitForResume(count = 1, timeoutMs?: number): Promise<ResumeRecord> {
    return this.#state.waiters.waitFor(`RESUME #${count}`, () => this.#gateway.resumes[count - 1], timeoutMs);
  }

  /** Resolves once `count` READY dispatches have been sent. */
  waitForReady(count = 1, timeoutMs?: number): Promise<void> {
    return this.#state.waiters.waitFor(`READY #${count}`, () => (this.#gateway.readyCount >= count ? true : undefined), timeoutMs).then(() => {});
  }

  /** Resolves with the first gateway close matching `predicate` (any close by default). */
  waitForClose(predicate: (close: CloseRecord) => boolean = () => true, timeoutMs?: number): Promise<CloseRecord> {
    return this.#state.waiters.waitFor('a gateway close', () => this.#gateway.closes.find(predicate), timeoutMs);
  }

  /** Sends RECONNECT (op 7): the client should reconnect to `resume_gateway_url` and RESUME. */
  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  /** Sends INVALID_SESSION (op 9). `resumable: false` forgets the session, so the client re-IDENTIFYs. */
  invalidSession(resumable: boolean): void {
    this.#gateway.invalidSession(resumable);
  }

  /** Closes the gateway connections with `code` (4000 → the client resumes; 4004 → it gives up). */
  closeGatewayConnections(code: number, reason?: string): void {
    this.#gateway.closeConnections(code, reason);
  }

  /** Drops the gateway connections without a close frame (a network failure): the client should resume. */
  dropGatewayConnections(): void {
    this.#gateway.dropConnections();
  }

  /** Dispatches a raw event `t` with data `d` (escape hatch for events without a helper). */
  dispatch(t: string, d: unknown, guildId?: string): DispatchPayload | null {
    return this.#gateway.dispatch(t, guildId, () => d);
  }

  // ── Users acting ─────────────────────────────────────────────────────────────────────────

  /**
   * A user posts a message: stores it and dispatches MESSAGE_CREATE as Discord would for the
   * bot's intents (guild messages need GuildMessages, DMs DirectMessages; without
   * MessageContent, content, embeds, attachments and components are empty unless the bot is
   * mentioned). Returns the full message (content intact), e.g. to pass as `replyTo` or
   * `targetMessage`.
   */
  sendMessage(options: SendMessageOptions): FakeMessage {
    const state = this.#state;
    const author = userPayload(options.author ?? state.options.user);
    state.users.set(author.id, author);
    const channelId = options.isDm ? (state.dmChannelFor(author).id as string) : this.#channelIdOf(options);
    state.channel(channelId);
    const guildId = state.guildIdOf(channelId);
    const botMention = `<@${state.bot.id}>`;
    const content = options.mentionsBot && !options.content.includes(botMention) ? `${botMention} ${options.content}` : options.content;
    const mentioned = new Map<string, APIUser>();
    for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
      const user = state.users.get(match[1] as string);
      if (user) mentioned.set(user.id, user);
    }
    if (options.replyTo) mentioned.set(options.replyTo.author.id, options.replyTo.author);
    const timestamp = new Date().toISOString();
    const member = guildId ? memberWithoutUser(timestamp) : undefined;
    const message = messagePayload({
      id: state.nextId(),
      channelId,
      author,
      content,
      timestamp,
      overrides: {
        ...(guildId ? { guild_id: guildId, member } : {}),
        mentions: [...mentioned.values()].map((user) => (guildId ? { ...user, member } : user)),
        mention_roles: options.mentionRoles ?? [],
        mention_everyone: options.mentionEveryone ?? /@(everyone|here)/.test(content),
        ...(options.replyTo
          ? {
              type: MessageType.Reply,
              message_reference: { type: 0, channel_id: channelId, message_id: options.replyTo.id, ...(guildId ? { guild_id: guildId } : {}) },
              referenced_message: options.replyTo,
            }
          : {}),
      },
    });
    state.addMessage(message);
    this.#gateway.dispatch('MESSAGE_CREATE', guildId, (intents) => {
      const needed = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
      if ((intents & needed) === 0) return null;
      const seesContent =
        (intents & GatewayIntentBits.MessageContent) !== 0 || !guildId || mentioned.has(state.bot.id) || author.id === state.bot.id;
      const channelType = state.channel(channelId).type;
      const sent = { ...message, channel_type: channelType };
      return seesContent ? sent : { ...sent, content: '', embeds: [], attachments: [], components: [] };
    });
    return message;
  }

  /** A user runs slash command `name`; the handle awaits the bot's answer. */
  sendSlashCommand(options: SlashCommandOptions): InteractionHandle {
    return this.#interact(options, InteractionType.ApplicationCommand, options.locale, (guildId) => {
      const command = this.#registered(options.name, ApplicationCommandType.ChatInput, guildId);
      const declared = this.#declaredOptions(command, options.subcommand);
      return chatInputData(
        (command?.id as string | undefined) ?? this.#state.nextId(),
        options.name,
        toInteractionOptions(options.options, declared),
        command?.guild_id as string | undefined,
        options.subcommand,
      );
    });
  }

  /** A user types in an autocomplete option of `name`; the handle's callback has `data.choices`. */
  sendAutocomplete(options: AutocompleteOptions): InteractionHandle {
    return this.#interact(options, InteractionType.ApplicationCommandAutocomplete, options.locale, (guildId) => {
      const command = this.#registered(options.name, ApplicationCommandType.ChatInput, guildId);
      const declared = this.#declaredOptions(command, options.subcommand);
      const focused = options.focused ?? (Array.isArray(options.options) ? undefined : Object.keys(options.options ?? {}).at(-1));
      return chatInputData(
        (command?.id as string | undefined) ?? this.#state.nextId(),
        options.name,
        toInteractionOptions(options.options, declared, focused),
        command?.guild_id as string | undefined,
        options.subcommand,
      );
    });
  }

  /** A user presses the button `customId` on `message`. */
  sendButton(options: ButtonOptions): InteractionHandle {
    return this.#component(options, buttonData(options.customId));
  }

  /** A user picks `values` in the string select `customId` on `message`. */
  sendSelect(options: SelectOptions): InteractionHandle {
    return this.#component(options, selectData(options.customId, options.values));
  }

  /** A user runs message context-menu command `name` on `targetMessage`. */
  sendMessageContextCommand(options: MessageContextCommandOptions): InteractionHandle {
    const place = { ...options, channelId: options.targetMessage.channel_id, isDm: false };
    return this.#interact(place, InteractionType.ApplicationCommand, options.locale, (guildId) => {
      const command = this.#registered(options.name, ApplicationCommandType.Message, guildId);
      const { member: _member, ...target } = options.targetMessage;
      return messageCommandData((command?.id as string | undefined) ?? this.#state.nextId(), options.name, target, command?.guild_id as string | undefined);
    });
  }

  // ── What the bot did ─────────────────────────────────────────────────────────────────────

  /** Every REST request so far, in order of completion. */
  get requests(): readonly RecordedRequest[] {
    return this.#state.requests;
  }

  /** Requests that matched no route (answered 404 `{ message: '404: Not Found', code: 0 }`). */
  unknownRequests(): RecordedRequest[] {
    return this.#state.requests.filter((request) => request.route === null);
  }

  /** Resolves with the first request matching `predicate`, past or future. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest> {
    return this.#state.waiters.waitFor('a matching REST request', () => this.#state.requests.find(predicate), timeoutMs);
  }

  /** Registered application commands: global ones, or those of `guildId`. */
  commands(guildId?: string): readonly Json[] {
    return guildId === undefined ? this.#state.globalCommands : (this.#state.guildCommands.get(guildId) ?? []);
  }

  /**
   * Messages of a channel, oldest first, as everyone sees them: users' and the bot's, with
   * edits applied. Ephemeral interaction responses only with `includeEphemeral`.
   */
  messagesIn(channelId: string, { includeEphemeral = false } = {}): FakeMessage[] {
    return this.#state
      .messagesIn(channelId)
      .filter((message) => includeEphemeral || ((message.flags ?? 0) & MessageFlags.Ephemeral) === 0);
  }

  /** Resolves with the first message the bot created (in any channel, ephemeral included) matching `predicate`. */
  waitForMessage(predicate: (message: FakeMessage) => boolean, timeoutMs?: number): Promise<FakeMessage> {
    return this.#state.waiters.waitFor('a matching message from the bot', () => this.#botMessages().find(predicate), timeoutMs);
  }

  /** Resolves with the bot's reply to `message` (a message whose `message_reference` points to it). */
  waitForReply(message: FakeMessage, timeoutMs?: number): Promise<FakeMessage> {
    return this.#state.waiters.waitFor(
      `the bot's reply to message ${message.id}`,
      () => this.#botMessages().find((candidate) => candidate.message_reference?.message_id === message.id),
      timeoutMs,
    );
  }

  /** Stops the servers and ends every connection; pending waits reject. Destroy the client first. */
  async close(): Promise<void> {
    this.#state.waiters.close();
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────

  #botMessages(): FakeMessage[] {
    return [...this.#state.messages.values()].flat().filter((message) => message.author.id === this.#state.bot.id);
  }

  #registered(name: string, type: ApplicationCommandType, guildId: string | undefined): Json | undefined {
    const matches = (command: Json) => command.name === name && ((command.type as number | undefined) ?? 1) === type;
    return (guildId ? this.#state.guildCommands.get(guildId)?.find(matches) : undefined) ?? this.#state.globalCommands.find(matches);
  }

  #declaredOptions(command: Json | undefined, subcommand: string | undefined): Json[] | undefined {
    const options = command?.options as Json[] | undefined;
    if (!subcommand) return options;
    return options?.find((option) => option.name === subcommand)?.options as Json[] | undefined;
  }

  #component(options: ButtonOptions, data: Json): InteractionHandle {
    const source =
      this.#state.messagesIn(options.message.channel_id).find((message) => message.id === options.message.id) ?? options.message;
    const place = { ...options, channelId: source.channel_id, isDm: false };
    return this.#interact(place, InteractionType.MessageComponent, options.locale, () => data, source);
  }

  #channelIdOf(place: PlaceOptions): string {
    if (place.channelId !== undefined) return place.channelId;
    if (place.guildId === undefined) return this.channelId;
    const guild = this.#state.options.guilds.find((candidate) => candidate.id === place.guildId);
    if (!guild?.channels[0]) throw new Error(`FakeDiscord: no configured guild ${place.guildId} with a channel`);
    return guild.channels[0].id;
  }

  #interact(
    place: PlaceOptions & { user?: FakeUserOptions },
    type: InteractionType,
    locale: string | undefined,
    buildData: (guildId: string | undefined) => Json,
    sourceMessage?: FakeMessage,
  ): InteractionHandle {
    const state = this.#state;
    const user = userPayload(place.user ?? state.options.user);
    state.users.set(user.id, user);
    const channel = place.isDm ? state.dmChannelFor(user) : state.channel(this.#channelIdOf(place));
    const guildId = channel.guild_id as string | undefined;
    const guild = state.options.guilds.find((candidate) => candidate.id === guildId);
    const payload = baseInteraction(
      { id: state.nextId(), token: `fake-interaction-token-${state.nextId()}`, applicationId: state.options.applicationId, user, channel, guild, locale: locale ?? 'zh-CN' },
      type,
      buildData(guildId),
    );
    if (sourceMessage) payload.message = sourceMessage;
    const record: InteractionRecord = { payload, dispatchedAt: performance.now(), callbacks: [], original: undefined, followups: [], sourceMessage };
    state.interactions.set(payload.id as string, record);
    state.interactionsByToken.set(payload.token as string, record);
    record.dispatchedAt = performance.now();
    this.#gateway.dispatch('INTERACTION_CREATE', guildId, () => payload);
    return new InteractionHandle(state, record);
  }

  #echo(change: MessageChange, message: FakeMessage): void {
    if (!this.#state.options.echoBotMessages || !this.#gateway.hasSession()) return;
    const guildId = message.guild_id;
    const t = { create: 'MESSAGE_CREATE', update: 'MESSAGE_UPDATE', delete: 'MESSAGE_DELETE' }[change];
    try {
      this.#gateway.dispatch(t, guildId, (intents) => {
        const needed = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
        if ((intents & needed) === 0) return null;
        if (change === 'delete') return { id: message.id, channel_id: message.channel_id, ...(guildId ? { guild_id: guildId } : {}) };
        const channelType = this.#state.channels.get(message.channel_id)?.type;
        return { ...message, channel_type: channelType, ...(guildId ? { member: memberWithoutUser(message.timestamp) } : {}) };
      });
    } catch {
      // No session for that shard (e.g. the client is between connections): nothing to echo to.
    }
  }
}
