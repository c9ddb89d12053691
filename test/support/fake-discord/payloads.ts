import { ApplicationFlags, ChannelType, MessageType, type APIMessage, type APIUser, type MessageFlags, type UserFlags } from 'discord.js';

const NO_USER_FLAGS = 0 as UserFlags;
import type { FakeGuildOptions, FakeUserOptions, ResolvedOptions } from './options.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from './options.js';

/** A JSON object as sent on the wire. */
export type Json = Record<string, unknown>;

/** A message as stored by the stand-in: the REST shape plus the gateway-only fields. */
export type FakeMessage = APIMessage & { guild_id?: string; member?: Json };

/** The bot's own user object, as GET /users/@me and READY return it. */
export function botUser(options: ResolvedOptions): APIUser {
  return {
    id: options.applicationId,
    username: options.botUsername,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    flags: NO_USER_FLAGS,
    public_flags: NO_USER_FLAGS,
    banner: null,
    accent_color: null,
    email: null,
    locale: 'en-US',
  };
}

/** A user object for a person (or another bot) taking part in a test. */
export function userPayload(user: FakeUserOptions): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: NO_USER_FLAGS,
  };
}

/** A guild member object without `user` (the form nested in messages). */
export function memberWithoutUser(joinedAt: string): Json {
  return {
    roles: [],
    nick: null,
    avatar: null,
    banner: null,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A guild text channel (type 0) as GET /channels/:id returns it. */
export function textChannelPayload(guild: FakeGuildOptions, channel: { id: string; name: string }, position: number): Json {
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: guild.id,
    name: channel.name,
    position,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0,
  };
}

/** A DM channel (type 1) between the bot and `recipient`. */
export function dmChannelPayload(id: string, recipient: APIUser): Json {
  return { id, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [recipient] };
}

/** The `@everyone` role of `guild` (its id is the guild's id). */
export function everyoneRole(guild: FakeGuildOptions): Json {
  return {
    id: guild.id,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: String(guild.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/** The GUILD_CREATE payload of `guild`: enough for discord.js to cache it, its channels and the bot's member. */
export function guildCreatePayload(guild: FakeGuildOptions, bot: APIUser, joinedAt: string): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '1180000000000000999',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: guild.preferredLocale ?? 'en-US',
    features: [],
    max_members: 500_000,
    max_video_channel_users: 25,
    application_id: null,
    roles: [everyoneRole(guild)],
    emojis: [],
    stickers: [],
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    lazy: true,
    voice_states: [],
    members: [{ ...memberWithoutUser(joinedAt), user: bot }],
    channels: guild.channels.map((channel, position) => {
      const { guild_id: _omitted, ...rest } = textChannelPayload(guild, channel, position);
      return rest;
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
  };
}

/**
 * The application's flags as an unverified app (under 100 servers) has them: the "limited"
 * gateway intent flag for each privileged intent enabled in the Developer Portal.
 */
export function applicationFlags(options: ResolvedOptions): number {
  return (
    (options.allowMessageContent ? ApplicationFlags.GatewayMessageContentLimited : 0) |
    (options.allowGuildMembers ? ApplicationFlags.GatewayGuildMembersLimited : 0) |
    (options.allowGuildPresences ? ApplicationFlags.GatewayPresenceLimited : 0)
  );
}

/** The application object of GET /applications/@me and of READY (`{ id, flags }` there). */
export function applicationPayload(options: ResolvedOptions, bot: APIUser): Json {
  return {
    id: options.applicationId,
    name: options.botUsername,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: applicationFlags(options),
    owner: { id: '1180000000000000999', username: 'owner', discriminator: '0', global_name: null, avatar: null, public_flags: 0 },
    team: null,
    bot,
    approximate_guild_count: options.guilds.length,
    approximate_user_install_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
    integration_types_config: { '0': {} },
  };
}

/** Fields common to every new message; `overrides` supplies the rest. */
export function messagePayload(fields: {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  timestamp: string;
  overrides?: Partial<FakeMessage>;
}): FakeMessage {
  return {
    id: fields.id,
    channel_id: fields.channelId,
    author: fields.author,
    content: fields.content,
    timestamp: fields.timestamp,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    ...fields.overrides,
  };
}
