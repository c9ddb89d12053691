import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/**
 * Starts discord.js's ShardingManager over the same entry (src/main.ts), one process per shard.
 * Each shard runs under tsx (`--import tsx`) and reads its id from the environment the manager sets.
 * Resolves with a function that stops every shard.
 */
export async function startShardingManager(
  config: Config & { sharding: { mode: 'manager' } },
  logger: Logger,
  entryUrl: string,
): Promise<() => Promise<void>> {
  if (config.discordToken === null) throw new Error('sharding: DISCORD_TOKEN is not set');
  const manager = new ShardingManager(fileURLToPath(entryUrl), {
    token: config.discordToken,
    totalShards: config.sharding.totalShards,
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'shard launched');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
  });
  await manager.spawn();
  return async () => {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
  };
}
