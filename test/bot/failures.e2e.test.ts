/**
 * End to end: how the bot fails, as an operator reads it in the log and from the exit code. The
 * real bot and discord.js client against the Discord stand-in.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/command-loader.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { EXIT_GATEWAY_CLOSED } from '../../src/bot/gateway-close.js';
import { parseConfig } from '../../src/config.js';
import { FakeDiscord } from '../support/fake-discord/index.js';
import { startEntry, until } from './support/processes.js';
import { acknowledged, askable, embedOf, feedbackPath, startWorld, TOKEN, userNo, type World } from './support/world.js';

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});
async function world(...args: Parameters<typeof startWorld>): Promise<World> {
  const started = await startWorld(...args);
  worlds.push(started);
  return started;
}

describe('GIVEN Discord closes the gateway with a code that forbids reconnecting, while the bot runs', () => {
  it.each([
    [4004, 'AuthenticationFailed', 'Reset the token (Developer Portal → your application → Bot → Reset Token)'],
    [4011, 'ShardingRequired', 'Set SHARDS=auto'],
    [4014, 'DisallowedIntents', 'Enable the intent under Developer Portal → Bot → Privileged Gateway Intents'],
  ])('WHEN the close code is %i THEN one fatal line says what happened (%s) and what to do, never the token, and the bot stops', async (code, name, todo) => {
    const w = await world();
    w.discord.closeGatewayConnections(code);
    expect(await w.bot.closedForGood).toMatchObject({ code, name });
    const fatal = w.lines().filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ code, name, shardId: 0 });
    expect(fatal[0]!.msg).toMatch(new RegExp(`^gateway closed for good \\(${code} ${name}\\): `));
    expect(fatal[0]!.msg).toContain(todo);
    expect(w.lines().at(-1)!.msg).toBe('bot stopped');
    expect(w.logText()).not.toContain(TOKEN);
  });

  it(`WHEN \`npm start\`’s entry gets 4004 THEN it exits with ${EXIT_GATEWAY_CLOSED}, not 0, after the fatal line`, async () => {
    const discord = await FakeDiscord.start({ token: TOKEN, waitTimeoutMs: 40_000 });
    await deployCommands(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.apiBase, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_GUILD_ID: discord.guild.id }), await loadCommands());
    const entry = startEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.apiBase, LOG_LEVEL: 'info', FEEDBACK_DB_PATH: feedbackPath() });
    try {
      // Generous waits: under the whole suite on two cores, starting tsx and jieba can take long.
      await discord.waitForReady(1, 40_000);
      await until(() => entry.output().includes('"msg":"bot ready"'), 40_000);
      discord.closeGatewayConnections(4004);
      expect(await entry.exited).toBe(EXIT_GATEWAY_CLOSED);
      const fatal = entry.output().split('\n').filter((line) => line.includes('"level":60'));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toContain('Reset the token');
      expect(entry.output()).not.toContain(TOKEN);
    } finally {
      entry.stop('SIGKILL');
      await discord.close();
    }
  }, 90_000);

  it(`WHEN a shard of SHARDS=2 gets 4004 THEN the ShardingManager stops every shard instead of respawning, and exits with ${EXIT_GATEWAY_CLOSED}`, async () => {
    const discord = await FakeDiscord.start({ token: TOKEN, waitTimeoutMs: 40_000 });
    const entry = startEntry({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: discord.apiBase, SHARDS: '2', LOG_LEVEL: 'info', FEEDBACK: 'false' });
    try {
      await discord.waitForReady(2, 40_000);
      await until(() => (entry.output().match(/"msg":"bot ready"/g) ?? []).length === 2, 40_000);
      discord.closeGatewayConnections(4004);
      expect(await entry.exited).toBe(EXIT_GATEWAY_CLOSED);
      expect(entry.output()).toMatch(/stopped for good: Discord closed its gateway/);
      expect(discord.readyCount).toBe(2);
      expect(entry.output()).not.toContain(TOKEN);
    } finally {
      entry.stop('SIGKILL');
      await discord.close();
    }
  }, 60_000);
});

describe('GIVEN the gateway connection drops (no close frame)', () => {
  it('THEN the drop is logged when it happens, before the resume, and the next question is answered', async () => {
    const w = await world();
    w.discord.dropGatewayConnections();
    await w.discord.waitForResume(1);
    await until(() => w.lines().some((line) => line.msg === 'gateway resumed'), 5000);
    const messages = w.lines().map((line) => line.msg);
    const dropped = w.lines().find((line) => line.msg === 'gateway disconnected; reconnecting');
    expect(dropped).toMatchObject({ level: 40, shardId: 0, code: 1006 });
    expect(messages.indexOf('gateway disconnected; reconnecting')).toBeLessThan(messages.indexOf('gateway resumed'));
    const ask = w.discord.sendSlashCommand({ name: 'ask', options: { question: askable[0]!.question! } });
    await acknowledged(ask);
    expect(embedOf(ask.original()).title).toBe(askable[0]!.topic);
  });

  it('WHEN Discord asks the bot to reconnect (RECONNECT) THEN that routine reconnect is logged at info, not as a warning', async () => {
    const w = await world();
    w.discord.requestReconnect();
    await w.discord.waitForResume(1);
    await until(() => w.lines().some((line) => line.msg === 'gateway resumed'), 5000);
    expect(w.lines().find((line) => line.msg === 'gateway disconnected; reconnecting')).toMatchObject({ level: 30, code: 4200 });
    expect(w.lines().filter((line) => line.level >= 40)).toEqual([]);
  });
});

describe('GIVEN a channel where the bot may not send messages', () => {
  const noSend = { guilds: [{ id: '1180000000000000100', name: '只读服务器', channels: [{ id: '1180000000000000101', name: 'general' }], everyonePermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.UseApplicationCommands }] };
  const unit = () => askable[0]!;

  it('WHEN a member mentions it THEN the failed reply is logged with its code, route, channel and guild, and without the answer text', async () => {
    const w = await world({}, noSend);
    const question = w.discord.sendMessage({ content: unit().question!, mentionsBot: true, author: userNo(1) });
    await until(() => w.lines().some((line) => line.msg === 'could not reply to message'), 5000);
    const failure = w.lines().find((line) => line.msg === 'could not reply to message')!;
    expect(failure).toMatchObject({
      level: 40,
      code: 50013,
      status: 403,
      route: `POST /channels/${w.discord.channelId}/messages`,
      channelId: w.discord.channelId,
      guildId: w.discord.guild.id,
      messageId: question.id,
      reason: 'Missing Permissions',
    });
    expect(failure).not.toHaveProperty('err');
    expect(w.logText()).not.toContain(unit().paragraphs[0]!.slice(0, 20));
  });

  it('WHEN the log level is debug THEN the request body follows on a debug line', async () => {
    const w = await world({}, noSend, 'debug');
    w.discord.sendMessage({ content: unit().question!, mentionsBot: true, author: userNo(1) });
    await until(() => w.lines().some((line) => line.msg === 'could not reply to message: the request body'), 5000);
    const body = w.lines().find((line) => line.msg === 'could not reply to message: the request body')!;
    expect(body).toMatchObject({ level: 20, route: `POST /channels/${w.discord.channelId}/messages` });
    expect(JSON.stringify(body['body'])).toContain(unit().paragraphs[0]!.slice(0, 20));
  });
});
