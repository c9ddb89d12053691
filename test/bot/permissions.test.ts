import { describe, expect, it } from 'vitest';
import { inviteUrl, REQUIRED_PERMISSIONS } from '../../src/bot/permissions.js';

describe('permissions', () => {
  it('GIVEN the bot THEN it asks for View Channels, Send Messages, Embed Links, Read Message History: 84992', () => {
    expect(REQUIRED_PERMISSIONS.toArray()).toEqual(['ViewChannel', 'SendMessages', 'EmbedLinks', 'ReadMessageHistory']);
    expect(REQUIRED_PERMISSIONS.bitfield).toBe(84992n);
  });

  it('GIVEN an application id THEN the invite link asks for the bot and its commands with those permissions', () => {
    expect(inviteUrl('1180000000000000001')).toBe(
      'https://discord.com/oauth2/authorize?client_id=1180000000000000001&scope=bot+applications.commands&permissions=84992',
    );
  });
});
