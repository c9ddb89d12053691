/**
 * `npm run deploy-commands`: registers the commands in `commands/` (loaded by the same loader the
 * bot uses) to DISCORD_GUILD_ID, or globally without it. Run it again after changing a command.
 */
import { ConfigError, loadConfig } from '../config.js';
import { loadCommands } from '../bot/command-loader.js';
import { deployCommands } from '../bot/deploy.js';
import { inviteUrl } from '../bot/permissions.js';

try {
  const config = loadConfig();
  const result = await deployCommands(config, await loadCommands());
  const where = result.scope === 'global' ? 'globally' : `to guild ${result.scope.guildId}`;
  process.stdout.write(`deploy-commands: registered ${result.names.length} commands ${where}: ${result.names.join(', ')}\n`);
  process.stdout.write(`Invite the bot with: ${inviteUrl(config.applicationId!)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exitCode = 1;
}
