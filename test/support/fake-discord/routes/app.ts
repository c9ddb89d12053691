import type { Router } from '../router.js';
import type { FakeDiscordState } from '../state.js';
import { applicationPayload, dmChannelPayload, everyoneRole, memberWithoutUser, userPayload } from '../payloads.js';
import { unknown } from '../errors.js';
import type { APIUser } from 'discord.js';

/** Gateway discovery, users, DM channels, the application and guilds. */
export function addAppRoutes(router: Router, state: FakeDiscordState, gatewayUrl: () => string): void {
  const { options } = state;
  router
    .add('GET /gateway', () => ({ status: 200, body: { url: gatewayUrl() } }))
    .add('GET /gateway/bot', () => ({
      status: 200,
      body: {
        url: gatewayUrl(),
        shards: options.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      },
    }))
    .add('GET /users/@me', () => ({ status: 200, body: state.bot }))
    .add('GET /users/:userId', ({ params }) => {
      const user = state.users.get(params.userId as string);
      if (!user) throw unknown(10013, 'Unknown User');
      return { status: 200, body: user };
    })
    .add('POST /users/@me/channels', ({ json }) => {
      const recipientId = json.recipient_id as string;
      const user: APIUser =
        state.users.get(recipientId) ?? userPayload({ id: recipientId, username: `user${recipientId.slice(-4)}` });
      const channel = state.dmChannelFor(user);
      return { status: 200, body: dmChannelPayload(channel.id as string, user) };
    })
    .add('GET /applications/@me', () => ({ status: 200, body: applicationPayload(options, state.bot) }))
    .add('GET /oauth2/applications/@me', () => ({ status: 200, body: applicationPayload(options, state.bot) }))
    .add('GET /guilds/:guildId', ({ params }) => {
      const guild = options.guilds.find((candidate) => candidate.id === params.guildId);
      if (!guild) throw unknown(10004, 'Unknown Guild');
      return {
        status: 200,
        body: {
          id: guild.id,
          name: guild.name,
          icon: null,
          owner_id: '1180000000000000999',
          preferred_locale: guild.preferredLocale ?? 'en-US',
          features: [],
          roles: [everyoneRole(guild)],
          emojis: [],
          stickers: [],
        },
      };
    })
    .add('GET /guilds/:guildId/channels', ({ params }) => {
      const guild = options.guilds.find((candidate) => candidate.id === params.guildId);
      if (!guild) throw unknown(10004, 'Unknown Guild');
      return { status: 200, body: guild.channels.map((channel) => state.channel(channel.id)) };
    })
    .add('GET /guilds/:guildId/members/:userId', ({ params }) => {
      const user = state.users.get(params.userId as string);
      if (!options.guilds.some((guild) => guild.id === params.guildId)) throw unknown(10004, 'Unknown Guild');
      if (!user) throw unknown(10007, 'Unknown Member');
      return { status: 200, body: { ...memberWithoutUser(new Date(0).toISOString()), user } };
    });
}
