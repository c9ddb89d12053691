/** Discord's epoch (2015-01-01T00:00:00Z), the zero of every snowflake's timestamp. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Returns a generator of unique, time-ordered snowflakes, as Discord makes them: 42 bits of
 * milliseconds since {@link DISCORD_EPOCH}, then worker, process and increment bits.
 *
 * @example
 * const next = createSnowflakeGenerator();
 * next(); // '1311012345678901248'
 */
export function createSnowflakeGenerator(): () => string {
  let increment = 0n;
  return () => {
    const millis = BigInt(Date.now()) - DISCORD_EPOCH;
    increment = (increment + 1n) & 0xfffn;
    return ((millis << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
  };
}

/** Which shard of `shardCount` receives events for `guildId` (Discord's sharding formula). */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
