import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
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
    totalShards: await resolveShardCount(config, config.discordToken),
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
