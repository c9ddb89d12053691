import { describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy.js';
import { parseConfig } from '../../src/config.js';

describe('deployCommands', () => {
  it.each([
    [{}, 'deploy-commands: DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set (see .env.example)'],
    [{ DISCORD_TOKEN: 'abc' }, 'deploy-commands: DISCORD_APPLICATION_ID must be set (see .env.example)'],
    [{ DISCORD_APPLICATION_ID: '1180000000000000001' }, 'deploy-commands: DISCORD_TOKEN must be set (see .env.example)'],
  ])('GIVEN %j THEN it names what is missing before calling Discord', async (env, message) => {
    await expect(deployCommands(parseConfig(env), new Map())).rejects.toThrow(message);
  });
});
