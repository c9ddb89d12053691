import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { EXIT_GATEWAY_CLOSED } from './gateway-close.js';

/** A running ShardingManager: how to stop every shard, and when one stopped for good. */
export interface RunningShards {
  stop(): Promise<void>;
  /** Passes SIGHUP on to every shard process: each loads the rebuilt index (src/bot/reload.ts). */
  reload(): Promise<void>;
  /**
   * Resolves, once every shard is stopped, when a shard exited with `EXIT_GATEWAY_CLOSED`
   * (Discord closed its gateway with a code that forbids reconnecting): respawning it would only
   * fail the same way.
   */
  readonly closedForGood: Promise<{ shardId: number }>;
}

/**
 * Starts discord.js's ShardingManager over the same entry (src/main.ts), one process per shard.
 * Each shard runs under tsx (`--import tsx`) and reads its id from the environment the manager sets.
 * A shard that dies is respawned, unless it stopped for a fatal gateway close.
 */
export async function startShardingManager(
  config: Config & { sharding: { mode: 'manager' } },
  logger: Logger,
  entryUrl: string,
): Promise<RunningShards> {
  if (config.discordToken === null) throw new Error('sharding: DISCORD_TOKEN is not set');
  const manager = new ShardingManager(fileURLToPath(entryUrl), {
    token: config.discordToken,
    totalShards: await resolveShardCount(config, config.discordToken),
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  // Stops every shard and waits (at most SHARD_EXIT_WAIT_MS) for their processes to end, so that their last log lines are written.
  const stop = async () => {
    manager.respawn = false;
    const children = [...manager.shards.values()].map((shard) => shard.process).filter((child) => child !== null && child.exitCode === null);
    const exited = children.map((child) => once(child!, 'exit'));
    for (const shard of manager.shards.values()) shard.kill();
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, SHARD_EXIT_WAIT_MS).unref())]);
  };
  let closed: (shard: { shardId: number }) => void = () => {};
  const closedForGood = new Promise<{ shardId: number }>((resolve) => (closed = resolve));
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'shard launched');
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : null;
      if (exitCode !== EXIT_GATEWAY_CLOSED || !manager.respawn) {
        logger.warn({ shardId: shard.id, exitCode }, 'shard process exited');
        return;
      }
      logger.fatal(
        { shardId: shard.id, exitCode },
        `shard ${shard.id} stopped for good: Discord closed its gateway with a code that forbids reconnecting (its fatal line above says why and what to do); stopping every shard`,
      );
      // discord.js has already started the respawn it decided on before this event: stop that too.
      void stop().then(() => closed({ shardId: shard.id }));
    });
    shard.on('error', (error) => logger.warn({ err: error, shardId: shard.id }, 'shard error'));
  });
  await manager.spawn();
  const reload = async () => {
    for (const shard of manager.shards.values()) shard.process?.kill('SIGHUP');
  };
  return { stop, closedForGood, reload };
}

/**
 * The shard count to spawn. For `auto` discord.js asks discord.com itself, whatever REST base
 * the bot is given; with DISCORD_API_BASE set, ask that base's `GET /gateway/bot` instead.
 */
async function resolveShardCount(config: Config & { sharding: { mode: 'manager' } }, token: string): Promise<number | 'auto'> {
  const { totalShards } = config.sharding;
  if (totalShards !== 'auto' || config.apiBase === null) return totalShards;
  const rest = new REST({ api: config.apiBase }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

/** How long stopping waits for the shard processes to exit. */
const SHARD_EXIT_WAIT_MS = 10_000;
