import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandInteraction } from 'discord.js';
import type { Command } from './command.js';

/** The folder of command modules, one file per command (commands/, or dist/commands/ when compiled: beside this module's src/). */
export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../commands');

/**
 * Imports every command module in `dir` and returns them by command name. The bot and
 * deploy-commands both call this, so what is registered with Discord is what is handled.
 * Throws `command-loader: …` for a module without `data`/`execute` or a duplicate name.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command<CommandInteraction>>> {
  const files = readdirSync(dir)
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .sort();
  const commands = new Map<string, Command<CommandInteraction>>();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Partial<Command<CommandInteraction>>;
    if (typeof module.data?.toJSON !== 'function' || typeof module.execute !== 'function') {
      throw new Error(`command-loader: ${file} must export \`data\` (a command builder) and \`execute\``);
    }
    const name = module.data.name;
    if (commands.has(name)) throw new Error(`command-loader: ${file} registers "${name}", which another file already does`);
    commands.set(name, module as Command<CommandInteraction>);
  }
  return commands;
}
