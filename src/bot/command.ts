import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  CommandInteraction,
  LocalizationMap,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Feedback } from '../feedback/index.js';
import type { Logger } from '../log.js';
import type { SearchIndex } from '../search/index.js';
import type { CommandText } from '../messages.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ReloadOutcome } from './reload.js';

/** What every handler gets: settings, the loaded index, the logger, the shared rate limiter, feedback. */
export interface BotContext {
  readonly config: Config;
  /** The index answering now: read it once per request (a reload replaces it for the requests after). */
  readonly index: SearchIndex;
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter;
  readonly feedback: Feedback;
  /** Loads the rebuilt index in place of this one (src/bot/reload.ts); absent where the bot cannot reload. */
  readonly reload?: (trigger: 'signal' | 'command') => Promise<ReloadOutcome>;
  /** Whether a user may run /reload (the application's owner, or OWNER_IDS). */
  readonly isOwner?: (userId: string) => Promise<boolean>;
}

/**
 * One command module in `commands/`: `data` (what is registered with Discord), `execute`, and
 * `autocomplete` where an option autocompletes. `I` is the interaction it handles.
 */
export interface Command<I extends CommandInteraction = ChatInputCommandInteraction> {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(interaction: I, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

interface LocalizableBuilder<B> {
  setName(name: string): B;
  setNameLocalizations(localizations: LocalizationMap | null): B;
  setDescription(description: string): B;
  setDescriptionLocalizations(localizations: LocalizationMap | null): B;
}

/** Sets a command's or option's name, description and their localisations from `messages.commandTexts`. */
export function withText<B extends LocalizableBuilder<B>>(builder: B, text: CommandText): B {
  return builder
    .setName(text.name)
    .setNameLocalizations(text.nameLocalizations)
    .setDescription(text.description)
    .setDescriptionLocalizations(text.descriptionLocalizations);
}
