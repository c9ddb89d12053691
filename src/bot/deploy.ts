import { REST, Routes, type CommandInteraction, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config.js';
import type { Command } from './command.js';

/** Where commands were registered and which. */
export interface DeployResult {
  scope: { guildId: string } | 'global';
  names: string[];
}

/**
 * Registers `commands` with Discord, replacing what was there (one bulk PUT): to DISCORD_GUILD_ID
 * when set (visible at once, for development), else globally. Needs DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID; throws `deploy-commands: …` naming what is missing.
 */
export async function deployCommands(config: Config, commands: ReadonlyMap<string, Command<CommandInteraction>>): Promise<DeployResult> {
  const missing = [config.discordToken === null ? 'DISCORD_TOKEN' : null, config.applicationId === null ? 'DISCORD_APPLICATION_ID' : null].filter(
    (key) => key !== null,
  );
  if (config.discordToken === null || config.applicationId === null) {
    throw new Error(`deploy-commands: ${missing.join(' and ')} must be set (see .env.example)`);
  }
  const rest = new REST(config.apiBase === null ? {} : { api: config.apiBase }).setToken(config.discordToken);
  const body: RESTPostAPIApplicationCommandsJSONBody[] = [...commands.values()].map((command) => command.data.toJSON());
  const route =
    config.guildId === null ? Routes.applicationCommands(config.applicationId) : Routes.applicationGuildCommands(config.applicationId, config.guildId);
  await rest.put(route, { body });
  return { scope: config.guildId === null ? 'global' : { guildId: config.guildId }, names: body.map((command) => command.name) };
}
