/**
 * `npm start`. With DISCORD_TOKEN: the bot (or, with SHARDS, discord.js's ShardingManager spawning
 * this same file once per shard). Without it: console mode over the bundled index.
 * A wrong setting stops start-up with one message listing every problem (exit 1); Discord closing
 * the gateway for good (a reset token, a disallowed intent) stops the bot with a fatal log line
 * saying what to do, and exit code 78. SIGHUP loads the rebuilt index (src/bot/reload.ts).
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole } from './cli/console.js';
import { loadSearchIndex } from './search/load-index.js';

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
    const { file, index } = loadSearchIndex(config.indexPath);
    await runConsole({ file, index, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
} else {
  // The bot's modules (discord.js, pino) are loaded only for the bot: the console starts without them.
  const [{ createLogger }, { startBot }, { startShardingManager }, { EXIT_GATEWAY_CLOSED }, { exitAfterFlush, stopOnSignals }, { reloadOnSignal }] = await Promise.all([
    import('./log.js'),
    import('./bot/client.js'),
    import('./bot/sharding.js'),
    import('./bot/gateway-close.js'),
    import('./bot/shutdown.js'),
    import('./bot/reload.js'),
  ]);
  const logger = createLogger(config.logLevel);
  const started: Promise<{ stop(): Promise<void>; closedForGood: Promise<unknown>; reload(): Promise<unknown> }> =
    config.sharding.mode === 'manager'
      ? startShardingManager({ ...config, sharding: config.sharding }, logger, import.meta.url)
      : Promise.resolve().then(() => startBot(config, logger, { loadIndex: () => loadSearchIndex(config.indexPath).index }));
  // Listen for signals from the start: a SIGTERM while connecting (or spawning shards) stops once started.
  stopOnSignals(logger, async () => (await started).stop());
  // SIGHUP: load the rebuilt index (each shard its own) without dropping a request.
  reloadOnSignal(async () => (await started).reload());
  try {
    const running = await started;
    // Discord closed the gateway for good (the fatal line says why): a distinct non-zero exit.
    void running.closedForGood.then(() => exitAfterFlush(logger, EXIT_GATEWAY_CLOSED));
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    logger.flush(() => process.exit(1));
  }
}
