import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';

/** A text channel of a {@link FakeGuildOptions guild}. */
export interface FakeChannelOptions {
  /** Channel id (snowflake). */
  id: string;
  /** Channel name, e.g. `'general'`. */
  name: string;
}

/** A guild the bot is a member of; sent in READY (unavailable) and then as GUILD_CREATE. */
export interface FakeGuildOptions {
  /** Guild id (snowflake). Also the id of its `@everyone` role. */
  id: string;
  /** Guild name. */
  name: string;
  /** Text channels (type 0). At least one. */
  channels: FakeChannelOptions[];
  /** Guild preferred locale, e.g. `'zh-CN'`; sent as `guild_locale` in interactions. */
  preferredLocale?: string;
  /** Permissions bitfield of `@everyone`, which is also what the bot gets. */
  everyonePermissions?: bigint;
}

/** A user who is not the bot, used as the default author of messages and interactions. */
export interface FakeUserOptions {
  id: string;
  username: string;
  /** Display name; `null` when the user has none. */
  globalName?: string | null;
  /** Whether the user is a bot account (to test that the bot ignores other bots). */
  bot?: boolean;
}

/** Options of {@link FakeDiscord.start}. Every field is optional; defaults are at the bottom of this file. */
export interface FakeDiscordOptions {
  /** Application id; also the bot user's id, as for every Discord bot. */
  applicationId?: string;
  /** The bot's user name. */
  botUsername?: string;
  /** Guilds the bot is in, with their text channels. */
  guilds?: FakeGuildOptions[];
  /** Default author of `sendMessage` and default invoker of interactions. */
  user?: FakeUserOptions;
  /**
   * Whether the app may use the privileged Message Content intent. When `false`, an IDENTIFY
   * asking for it is closed with 4014 (Disallowed intents), as Discord does.
   */
  allowMessageContent?: boolean;
  /** Whether the app may use the privileged Guild Members intent (else 4014). */
  allowGuildMembers?: boolean;
  /** Whether the app may use the privileged Guild Presences intent (else 4014). */
  allowGuildPresences?: boolean;
  /** `heartbeat_interval` sent in HELLO, in milliseconds. */
  heartbeatIntervalMs?: number;
  /** Number of shards recommended by GET /gateway/bot. */
  recommendedShards?: number;
  /** If set, IDENTIFY and RESUME with another token are closed with 4004 (Authentication failed). */
  token?: string;
  /**
   * Time after dispatch within which an interaction must be answered; a later callback gets
   * 404 Unknown interaction (10062), as on Discord. Raise it only to debug.
   */
  interactionTimeoutMs?: number;
  /** Default timeout of every `waitFor…` method, in milliseconds. */
  waitTimeoutMs?: number;
  /**
   * Whether messages the bot creates (channel messages and non-ephemeral interaction
   * responses) come back to it as MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE, as on Discord.
   */
  echoBotMessages?: boolean;
}

/** {@link FakeDiscordOptions} with every default applied. */
export type ResolvedOptions = Required<FakeDiscordOptions>;

/** Privileged intents and the option that allows each. */
export const PRIVILEGED_INTENTS = [
  { bit: GatewayIntentBits.MessageContent, option: 'allowMessageContent' },
  { bit: GatewayIntentBits.GuildMembers, option: 'allowGuildMembers' },
  { bit: GatewayIntentBits.GuildPresences, option: 'allowGuildPresences' },
] as const;

/** What a fresh guild's `@everyone` may do: read and write in text channels, use apps. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

export const DEFAULT_APPLICATION_ID = '1180000000000000001';
export const DEFAULT_GUILD_ID = '1180000000000000100';
export const DEFAULT_CHANNEL_ID = '1180000000000000101';
export const DEFAULT_SECOND_CHANNEL_ID = '1180000000000000102';
export const DEFAULT_USER_ID = '1180000000000000200';

/** Applies the defaults to `options`. */
export function resolveOptions(options: FakeDiscordOptions = {}): ResolvedOptions {
  return {
    applicationId: options.applicationId ?? DEFAULT_APPLICATION_ID,
    botUsername: options.botUsername ?? 'koujing',
    guilds: options.guilds ?? [
      {
        id: DEFAULT_GUILD_ID,
        name: '口径测试服务器',
        preferredLocale: 'zh-CN',
        channels: [
          { id: DEFAULT_CHANNEL_ID, name: 'general' },
          { id: DEFAULT_SECOND_CHANNEL_ID, name: 'foreign-policy' },
        ],
      },
    ],
    user: options.user ?? { id: DEFAULT_USER_ID, username: 'reporter', globalName: '记者' },
    allowMessageContent: options.allowMessageContent ?? true,
    allowGuildMembers: options.allowGuildMembers ?? false,
    allowGuildPresences: options.allowGuildPresences ?? false,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    recommendedShards: options.recommendedShards ?? 1,
    token: options.token ?? '',
    interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
    waitTimeoutMs: options.waitTimeoutMs ?? 3_000,
    echoBotMessages: options.echoBotMessages ?? true,
  };
}
