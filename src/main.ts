/**
 * `npm start`. With DISCORD_TOKEN: the bot (or, with SHARDS, discord.js's ShardingManager spawning
 * this same file once per shard). Without it: console mode over the bundled index.
 * A wrong setting stops start-up with one message listing every problem.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { startBot } from './bot/client.js';
import { startShardingManager } from './bot/sharding.js';
import { stopOnSignals } from './bot/shutdown.js';
import { runConsole } from './cli/console.js';
import { readIndexFile } from './index-file.js';

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const config = readConfigOrExit();
if (config.discordToken === null) {
  try {
    await runConsole({ file: readIndexFile(config.indexPath), input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
} else {
  const logger = createLogger(config.logLevel);
  const started =
    config.sharding.mode === 'manager'
      ? startShardingManager({ ...config, sharding: config.sharding }, logger, import.meta.url)
      : startBot(config, logger).then((bot) => bot.stop);
  // Listen for signals from the start: a SIGTERM while connecting (or spawning shards) stops once started.
  stopOnSignals(logger, async () => (await started)());
  try {
    await started;
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    logger.flush(() => process.exit(1));
  }
}
