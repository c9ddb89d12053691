import { GatewayCloseCodes } from 'discord.js';

/** What a close code that forbids reconnecting means, and what the operator should do. */
export interface FatalClose {
  code: number;
  /** Discord's name for the code, e.g. `AuthenticationFailed`. */
  name: string;
  /** What happened, in a sentence. */
  happened: string;
  /** What to do about it, in a sentence. */
  todo: string;
}

/**
 * The gateway close codes after which Discord does not let the bot reconnect (the ones discord.js
 * gives up on): the bot must stop and say why, since retrying cannot help.
 */
export const FATAL_CLOSES: ReadonlyMap<number, FatalClose> = new Map(
  (
    [
      [
        GatewayCloseCodes.AuthenticationFailed,
        'Discord no longer accepts the bot token: it was reset or revoked (in the Developer Portal, or by Discord after the token leaked)',
        'Reset the token (Developer Portal → your application → Bot → Reset Token), put the new one in DISCORD_TOKEN, and start the bot again',
      ],
      [
        GatewayCloseCodes.InvalidShard,
        'Discord rejected the shard this process identified as',
        'Set SHARDS=auto (or a shard count Discord accepts) and start the bot again',
      ],
      [
        GatewayCloseCodes.ShardingRequired,
        'the bot is in too many servers for one gateway connection',
        'Set SHARDS=auto so that discord.js runs one process per shard, and start the bot again',
      ],
      [
        GatewayCloseCodes.InvalidAPIVersion,
        'Discord no longer accepts the gateway version this discord.js speaks',
        'Update discord.js (npm install discord.js@14) and start the bot again',
      ],
      [
        GatewayCloseCodes.InvalidIntents,
        'Discord rejected the intents the bot asked for as invalid',
        'Update koujing and discord.js; if it persists, report it with this log line',
      ],
      [
        GatewayCloseCodes.DisallowedIntents,
        'Discord no longer allows a privileged intent the bot asks for (Message Content, with MESSAGE_CONTENT_INTENT=true)',
        'Enable the intent under Developer Portal → Bot → Privileged Gateway Intents (or unset MESSAGE_CONTENT_INTENT), and start the bot again',
      ],
    ] as const
  ).map(([code, happened, todo]) => [code, { code, name: GatewayCloseCodes[code], happened, todo }]),
);

/** The fatal close for `code`, or undefined when the client may reconnect after it. */
export function fatalClose(code: number): FatalClose | undefined {
  return FATAL_CLOSES.get(code);
}

/**
 * The log message for a fatal close: code, what happened, what to do.
 * `describeFatalClose(fatalClose(4004)!)` → `gateway closed for good (4004 AuthenticationFailed): Discord no longer accepts … Reset the token …`
 */
export function describeFatalClose(close: FatalClose): string {
  return `gateway closed for good (${close.code} ${close.name}): ${close.happened}. ${close.todo}.`;
}

/**
 * The exit code of a bot stopped by a fatal close: EX_CONFIG of sysexits.h, a setting to fix.
 * A supervisor can tell it from a crash (1) and not restart in a loop (systemd:
 * `RestartPreventExitStatus=78`); the ShardingManager stops respawning on it.
 */
export const EXIT_GATEWAY_CLOSED = 78;
