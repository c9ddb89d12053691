import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type APIUser,
} from 'discord.js';
import { DEFAULT_EVERYONE_PERMISSIONS, type FakeGuildOptions } from './options.js';
import { memberWithoutUser, type FakeMessage, type Json } from './payloads.js';

/** Option values of a command, by option name: strings, numbers and booleans. */
export type OptionValues = Record<string, string | number | boolean>;

/** An option as Discord sends it in `data.options`. */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

/** Where an interaction happens and who invokes it. */
export interface InteractionContext {
  id: string;
  token: string;
  applicationId: string;
  user: APIUser;
  channel: Json;
  /** `undefined` in a DM. */
  guild: FakeGuildOptions | undefined;
  locale: string;
}

/**
 * Turns `{ question: '台湾问题' }` into `data.options`, typing each value from the registered
 * command's option when there is one (else string → STRING, integer → INTEGER, other number
 * → NUMBER, boolean → BOOLEAN), and marking `focused` for autocomplete.
 */
export function toInteractionOptions(
  values: OptionValues | InteractionOption[] | undefined,
  registered: Json[] | undefined,
  focused?: string,
): InteractionOption[] {
  if (Array.isArray(values)) return values;
  return Object.entries(values ?? {}).map(([name, value]) => {
    const declared = registered?.find((option) => option.name === name)?.type as number | undefined;
    const type =
      declared ??
      (typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String);
    return { name, type, value, ...(name === focused ? { focused: true } : {}) };
  });
}

/** The fields every interaction has: ids, token, channel, invoker, permissions, locale, context. */
export function baseInteraction(context: InteractionContext, type: InteractionType, data: Json): Json {
  const { guild, user } = context;
  const permissions = String(guild?.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS);
  return {
    id: context.id,
    application_id: context.applicationId,
    type,
    token: context.token,
    version: 1,
    data,
    channel_id: context.channel.id,
    channel: context.channel,
    app_permissions: permissions,
    locale: context.locale,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...(guild
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: guild.preferredLocale ?? 'en-US', features: [] },
          guild_locale: guild.preferredLocale ?? 'en-US',
          member: { ...memberWithoutUser(new Date(0).toISOString()), user, permissions },
          authorizing_integration_owners: { '0': guild.id },
          context: InteractionContextType.Guild,
        }
      : {
          user,
          authorizing_integration_owners: { '0': '0' },
          context: InteractionContextType.BotDM,
        }),
  };
}

/** `data` of a chat input command, with an optional subcommand wrapping the options. */
export function chatInputData(commandId: string, name: string, options: InteractionOption[], guildId: string | undefined, subcommand?: string): Json {
  return {
    id: commandId,
    name,
    type: ApplicationCommandType.ChatInput,
    options: subcommand ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }] : options,
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

/** `data` of a message context-menu command on `target`, with `resolved.messages`. */
export function messageCommandData(commandId: string, name: string, target: FakeMessage, guildId: string | undefined): Json {
  return {
    id: commandId,
    name,
    type: ApplicationCommandType.Message,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

/** `data` of a button press. */
export function buttonData(customId: string): Json {
  return { custom_id: customId, component_type: ComponentType.Button };
}

/** `data` of a string select menu choice. */
export function selectData(customId: string, values: string[]): Json {
  return { custom_id: customId, component_type: ComponentType.StringSelect, values };
}
