import { MessageFlags, type Interaction } from 'discord.js';
import { messages } from '../messages.js';
import type { BotContext, Command } from './command.js';
import type { CommandInteraction } from 'discord.js';
import { handleComponent } from './components.js';
import { logFailure } from './failure-log.js';
import { NO_MENTIONS } from './reply.js';

/**
 * Routes every interaction to its handler (commands by name, components by custom id) inside one
 * try/catch: a failure is logged (a failed Discord request by its code and route, see
 * `logFailure`) and answered with an ephemeral error, or a follow-up when the interaction was
 * already deferred or replied to. Autocomplete failures answer an empty list.
 */
export function createInteractionRouter(commands: ReadonlyMap<string, Command<CommandInteraction>>, context: BotContext) {
  return async function routeInteraction(interaction: Interaction): Promise<void> {
    const started = Date.now();
    try {
      if (interaction.isAutocomplete()) {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        const command = commands.get(interaction.commandName);
        if (command === undefined) throw new Error(`interaction-router: no command named "${interaction.commandName}" is loaded`);
        await command.execute(interaction, context);
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        await handleComponent(interaction, context);
      } else {
        return;
      }
      context.logger.debug({ type: interaction.type, id: interaction.id, ms: Date.now() - started }, 'interaction handled');
    } catch (error) {
      const where = { type: interaction.type, id: interaction.id, channelId: interaction.channelId, guildId: interaction.guildId };
      logFailure(context.logger, 'error', error, where, 'interaction failed');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          const reply = { content: messages.internalError, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
          if (interaction.replied || interaction.deferred) await interaction.followUp(reply);
          else await interaction.reply(reply);
        }
      } catch (replyError) {
        logFailure(context.logger, 'warn', replyError, where, 'could not tell the user about the failure');
      }
    }
  };
}
