import { describe, expect, it } from 'vitest';
import { routeOf } from '../../src/bot/failure-log.js';
import { EXIT_GATEWAY_CLOSED, FATAL_CLOSES, describeFatalClose, fatalClose } from '../../src/bot/gateway-close.js';

describe('routeOf', () => {
  it.each([
    ['post', 'https://discord.com/api/v10/channels/1180000000000000101/messages', 'POST /channels/1180000000000000101/messages'],
    ['POST', 'https://discord.com/api/v10/interactions/1180000000000000300/aW50ZXJhY3Rpb246c2VjcmV0/callback', 'POST /interactions/1180000000000000300/:token/callback'],
    ['patch', 'http://127.0.0.1:8080/api/v10/webhooks/1180000000000000001/aW50ZXJhY3Rpb246c2VjcmV0/messages/@original', 'PATCH /webhooks/1180000000000000001/:token/messages/@original'],
    ['get', 'not a url', 'GET not a url'],
  ])('%s %s → %s', (method, url, route) => {
    expect(routeOf(method, url)).toBe(route);
  });
});

describe('fatal gateway closes', () => {
  it('GIVEN the codes after which Discord forbids reconnecting THEN each has what happened and what to do; others are not fatal', () => {
    expect([...FATAL_CLOSES.keys()]).toEqual([4004, 4010, 4011, 4012, 4013, 4014]);
    for (const code of [1000, 1006, 4000, 4007, 4009, 4200]) expect(fatalClose(code)).toBeUndefined();
    expect(describeFatalClose(fatalClose(4004)!)).toBe(
      'gateway closed for good (4004 AuthenticationFailed): Discord no longer accepts the bot token: it was reset or revoked (in the Developer Portal, or by Discord after the token leaked). Reset the token (Developer Portal → your application → Bot → Reset Token), put the new one in DISCORD_TOKEN, and start the bot again.',
    );
    expect(EXIT_GATEWAY_CLOSED).toBe(78);
  });
});
