import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials, WebSocketShardEvents, type CommandInteraction } from 'discord.js';
import type { Config } from '../config.js';
import { FEEDBACK_OFF, openFeedback, type Feedback } from '../feedback/index.js';
import { readIndexFile } from '../index-file.js';
import type { Logger } from '../log.js';
import { createDefaultAnalyzer } from '../text/index.js';
import { createSearchIndex, type SearchIndex } from '../search/index.js';
import type { BotContext, Command } from './command.js';
import { loadCommands } from './command-loader.js';
import { logFailure } from './failure-log.js';
import { describeFatalClose, fatalClose, type FatalClose } from './gateway-close.js';
import { createInteractionRouter } from './interaction-router.js';
import { handleMessage, type ListenSettings } from './message-handler.js';
import { RateLimiter } from './rate-limiter.js';
import { createIndexReloader, ownerCheck, type ReloadOutcome } from './reload.js';
import { NO_MENTIONS } from './reply.js';

/**
 * The fewest intents that work: Guilds (channels, for replies and threads), GuildMessages (mentions
 * in servers), DirectMessages (DMs); MessageContent only when configured, for answer channels.
 */
export function intentsFor(config: Pick<Config, 'messageContentIntent'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  return config.messageContentIntent ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/**
 * Creates the discord.js client: intents above, the Channel partial (DM channels arrive uncached),
 * mentions off by default, REST (and so the gateway URL it discovers) at DISCORD_API_BASE when set,
 * and the shard ids from the config (never from discord.js's own reading of SHARDS).
 */
export function createClient(config: Config): Client {
  const shards = config.sharding.mode === 'shard' ? { shards: config.sharding.ids, shardCount: config.sharding.count } : { shards: [0], shardCount: 1 };
  return new Client({
    intents: intentsFor(config),
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...shards,
    ...(config.apiBase === null ? {} : { rest: { api: config.apiBase } }),
  });
}

/** A started bot: its client, commands and feedback, and how to stop it. */
export interface RunningBot {
  readonly client: Client<true>;
  readonly commands: ReadonlyMap<string, Command<CommandInteraction>>;
  readonly feedback: Feedback;
  /**
   * Resolves, once the bot has stopped, when Discord closed the gateway with a code that forbids
   * reconnecting (a reset token, a disallowed intent …); the fatal line is logged by then.
   * Never resolves on `stop()`.
   */
  readonly closedForGood: Promise<FatalClose>;
  /** Disconnects from Discord and writes what feedback has queued; safe to call twice. */
  stop(): Promise<void>;
  /** Loads the rebuilt index (INDEX_PATH, or `options.loadIndex`) in place of the one answering (src/bot/reload.ts). */
  reload(trigger?: 'signal' | 'command'): Promise<ReloadOutcome>;
}

/**
 * Starts the bot as `npm start` does: loads the index (`options.loadIndex`, or INDEX_PATH; or uses
 * `options.index`, and loads with the same on reload), the commands and
 * feedback (or uses `options.feedback`), connects, and resolves once READY has arrived. Throws
 * when the token is missing or rejected, or when Discord refuses the Message Content intent
 * (saying where to enable it).
 *
 * While it runs, every gateway disconnection is logged when it happens (and the resume after it);
 * a close that forbids reconnecting (4004, 4010–4014) is logged as fatal with what to do, stops
 * the bot and resolves `closedForGood`. A reply that fails is logged with its error code, route,
 * channel and guild; its body only at debug level.
 */
export async function startBot(
  config: Config,
  logger: Logger,
  options: { index?: SearchIndex; feedback?: Feedback; loadIndex?: () => SearchIndex } = {},
): Promise<RunningBot> {
  if (config.discordToken === null) throw new Error('bot: DISCORD_TOKEN is not set');
  const load = options.loadIndex ?? (() => createSearchIndex(readIndexFile(config.indexPath), createDefaultAnalyzer()));
  const reloader = createIndexReloader(options.index ?? load(), load, logger);
  const commands = await loadCommands();
  const feedback = options.feedback ?? openConfiguredFeedback(config, logger);
  const client = createClient(config);
  const context: BotContext = {
    config,
    get index() {
      return reloader.current;
    },
    logger,
    feedback,
    rateLimiter: new RateLimiter(config.rateLimit.questions, config.rateLimit.windowMs),
    reload: (trigger) => reloader.reload(trigger),
    isOwner: ownerCheck(client, config.ownerIds),
  };
  const answerChannelIds = new Set(config.answerChannelIds);
  const channelAnswers = answerChannelIds.size > 0 && config.messageContentIntent;
  const routeInteraction = createInteractionRouter(commands, context);

  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction));
  client.on(Events.MessageCreate, (message) => {
    const settings: ListenSettings = { botUserId: client.user?.id ?? '', answerChannelIds, channelAnswers };
    handleMessage(message, context, settings).catch((error: unknown) =>
      logFailure(logger, 'warn', error, { channelId: message.channelId, guildId: message.guildId, messageId: message.id }, 'could not reply to message'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'client warning'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.discordToken);
  } catch (error) {
    await client.destroy();
    feedback.close();
    if ((error as Error).message === 'Used disallowed intents') {
      throw new Error(
        'bot: Discord refused the Message Content intent (MESSAGE_CONTENT_INTENT=true): enable it under Developer Portal → Bot → Privileged Gateway Intents, or unset MESSAGE_CONTENT_INTENT',
        { cause: error },
      );
    }
    throw error;
  }
  const readyClient = await ready;
  logger.info(
    {
      user: readyClient.user.tag,
      applicationId: readyClient.application.id,
      guilds: readyClient.guilds.cache.size,
      commands: [...commands.keys()],
      shards: client.options.shards,
      feedback: feedback.enabled ? { path: config.feedback.path, retentionDays: config.feedback.retentionDays } : 'off',
    },
    'bot ready',
  );
  if (answerChannelIds.size > 0 && !config.messageContentIntent) {
    logger.warn(
      { answerChannelIds: config.answerChannelIds },
      'channel answers are off: ANSWER_CHANNEL_IDS is set but MESSAGE_CONTENT_INTENT is not true, and without the Message Content intent Discord sends no text for messages that do not mention the bot. Mentions and DMs still work. Enable the intent in the Developer Portal (Bot → Privileged Gateway Intents) and set MESSAGE_CONTENT_INTENT=true.',
    );
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    feedback.close();
    logger.info('bot stopped');
  };
  const closedForGood = new Promise<FatalClose>((resolve) => {
    // A close is logged as it happens. discord.js gives up on the fatal codes (and then emits
    // ShardDisconnect); after any other it resumes or re-identifies by itself.
    for (const shard of client.ws.shards.values()) {
      shard.on(WebSocketShardEvents.Close, ({ code }: { code: number }) => {
        if (fatalClose(code) !== undefined || stopped) return;
        const routine = code === RESUMING_CLOSE_CODE;
        logger[routine ? 'info' : 'warn'](
          { shardId: shard.id, code, meaning: routine ? 'Discord asked the bot to reconnect' : (GatewayCloseCodes[code] ?? 'connection lost') },
          'gateway disconnected; reconnecting',
        );
      });
    }
    client.on(Events.ShardDisconnect, ({ code }, shardId) => {
      const close = fatalClose(code) ?? { code, name: GatewayCloseCodes[code] ?? 'Unknown', happened: 'Discord closed the gateway and discord.js will not reconnect', todo: 'See the log above, and start the bot again' };
      logger.fatal({ shardId, code, name: close.name }, describeFatalClose(close));
      void stop().then(() => resolve(close));
    });
  });
  return { client: readyClient, commands, feedback, closedForGood, stop, reload: (trigger = 'signal') => reloader.reload(trigger) };
}

/** Feedback as configured: the SQLite store, or nothing with FEEDBACK=false. */
function openConfiguredFeedback(config: Config, logger: Logger): Feedback {
  if (!config.feedback.enabled) return FEEDBACK_OFF;
  return openFeedback({ path: config.feedback.path, retentionDays: config.feedback.retentionDays, logger });
}

/** The code @discordjs/ws closes with when it reconnects to resume (after RECONNECT, a missed heartbeat …). */
const RESUMING_CLOSE_CODE = 4200;
