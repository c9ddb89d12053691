/**
 * A local stand-in for Discord (REST + gateway v10 on loopback) for end-to-end tests of the
 * bot with the real discord.js client. Start with `FakeDiscord.start()`; see `fake-discord.ts`.
 */
export { FakeDiscord } from './fake-discord.js';
export type {
  AutocompleteOptions,
  ButtonOptions,
  MessageContextCommandOptions,
  PlaceOptions,
  SelectOptions,
  SendMessageOptions,
  SlashCommandOptions,
} from './fake-discord.js';
export { InteractionHandle } from './interaction-handle.js';
export type { CloseRecord, DispatchPayload, IdentifyRecord, ResumeRecord } from './gateway.js';
export type { InteractionOption, OptionValues } from './interaction-payloads.js';
export {
  DEFAULT_APPLICATION_ID,
  DEFAULT_CHANNEL_ID,
  DEFAULT_GUILD_ID,
  DEFAULT_SECOND_CHANNEL_ID,
  DEFAULT_USER_ID,
  type FakeChannelOptions,
  type FakeDiscordOptions,
  type FakeGuildOptions,
  type FakeUserOptions,
} from './options.js';
export type { FakeMessage, Json } from './payloads.js';
export type { RecordedCallback, RecordedFile, RecordedRequest } from './state.js';
export { LIMITS } from './validate.js';
