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

/** What every handler gets: settings, the loaded index, the logger, the shared rate limiter, feedback. */
export interface BotContext {
  readonly config: Config;
  readonly index: SearchIndex;
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter;
  readonly feedback: Feedback;
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
