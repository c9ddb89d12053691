import { afterEach, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  Client,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  Partials,
  type ApplicationCommandDataResolvable,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionCallbackResponse,
  type Message,
} from 'discord.js';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.js';

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

let discord: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await discord?.close();
  client = undefined;
  discord = undefined;
});

/** Starts the stand-in and a logged-in discord.js client connected to it. */
async function connect(
  options: FakeDiscordOptions = {},
  intents: GatewayIntentBits[] = INTENTS,
): Promise<{ discord: FakeDiscord; client: Client }> {
  discord = await FakeDiscord.start({ heartbeatIntervalMs: 500, ...options });
  client = new Client({
    intents,
    partials: [Partials.Channel],
    rest: { api: discord.apiBase },
    // Discord's identify throttle waits 5 s between identifies; tests re-identify at once.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
  const ready = new Promise<void>((resolve) => client!.once(Events.ClientReady, () => resolve()));
  await client.login('test-token');
  await ready;
  return { discord, client };
}

/** Resolves with the next event `name` the client emits. */
function next<T>(target: Client, name: string): Promise<T> {
  return new Promise((resolve) => target.once(name, (value: T) => resolve(value)));
}

describe('FakeDiscord with a real discord.js client', () => {
  it('GIVEN a login THEN ready fires with the configured bot user and the guild channels cached', async () => {
    const { discord, client } = await connect();

    expect(client.user?.id).toBe(discord.applicationId);
    expect(client.user?.username).toBe('koujing');
    expect(client.application?.id).toBe(discord.applicationId);
    expect(client.channels.cache.get(discord.channelId)?.isTextBased()).toBe(true);
    expect(client.guilds.cache.get(discord.guild.id)?.channels.cache.size).toBe(2);
    expect(discord.identifies).toHaveLength(1);
    expect(discord.identifies[0]).toMatchObject({ token: 'test-token', shard: [0, 1], accepted: true });
    expect(discord.identifies[0]?.intents).toBe(
      INTENTS.reduce((bits, bit) => bits | bit, 0),
    );
    expect(discord.unknownRequests()).toEqual([]);
    expect(discord.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /gateway/bot');
  });

  it('GIVEN a user message THEN messageCreate receives it, and a reply is recorded with message_reference', async () => {
    const { discord, client } = await connect();
    const received = next<Message>(client, Events.MessageCreate);

    const sent = discord.sendMessage({ content: '台湾问题的立场是什么？', mentionsBot: true });
    const message = await received;
    expect(message.content).toBe(`<@${discord.applicationId}> 台湾问题的立场是什么？`);
    expect(message.mentions.users.has(discord.applicationId)).toBe(true);
    expect(message.guildId).toBe(discord.guild.id);

    await message.reply({ content: '官方回答', allowedMentions: { parse: [] } });
    const reply = await discord.waitForReply(sent);
    expect(reply).toMatchObject({ content: '官方回答', type: 19, mentions: [], mention_everyone: false });
    expect(discord.messagesIn(discord.channelId).map((each) => each.content)).toEqual([sent.content, '官方回答']);
  });

  it('GIVEN no MessageContent intent THEN guild messages without a mention arrive with empty content', async () => {
    const { discord, client } = await connect({}, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const received = next<Message>(client, Events.MessageCreate);

    discord.sendMessage({ content: '没有提到机器人' });
    expect((await received).content).toBe('');

    const mentioned = next<Message>(client, Events.MessageCreate);
    discord.sendMessage({ content: '提到机器人', mentionsBot: true });
    expect((await mentioned).content).toContain('提到机器人');
  });

  it('GIVEN a DM THEN messageCreate receives it in a DM channel and the bot can answer there', async () => {
    const { discord, client } = await connect();
    const received = next<Message>(client, Events.MessageCreate);

    const sent = discord.sendMessage({ content: '你好', isDm: true });
    const message = await received;
    expect(message.channel.isDMBased()).toBe(true);
    await message.reply('您好');
    expect((await discord.waitForReply(sent)).channel_id).toBe(sent.channel_id);
  });

  it('GIVEN a slash command THEN interactionCreate receives it and reply reaches the callback route in time', async () => {
    const { discord, client } = await connect();
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      void interaction.reply({ content: `问：${interaction.options.getString('question')}`, flags: MessageFlags.Ephemeral });
    });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '南海' } });
    const callback = await ask.waitForCallback();

    expect(callback).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, status: 204 });
    expect(callback.data).toMatchObject({ content: '问：南海', flags: MessageFlags.Ephemeral });
    expect(callback.elapsedMs).toBeLessThan(3000);
    expect(ask.original()?.content).toBe('问：南海');
    expect(discord.messagesIn(discord.channelId)).toEqual([]);
    expect(discord.messagesIn(discord.channelId, { includeEphemeral: true })).toHaveLength(1);
  });

  it('GIVEN deferReply, editReply and followUp THEN the original is edited and the follow-up recorded', async () => {
    const { discord, client } = await connect();
    client.on(Events.InteractionCreate, async (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: '答案', embeds: [{ title: '台湾', description: '一个中国原则' }] });
      await interaction.followUp({ content: '更多', flags: MessageFlags.Ephemeral });
    });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '台湾' } });

    expect((await ask.waitForCallback()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const original = await ask.waitForOriginal();
    expect(original).toMatchObject({ content: '答案', embeds: [{ title: '台湾', description: '一个中国原则' }], type: 20 });
    expect(original.edited_timestamp).not.toBeNull();
    expect(await ask.waitForFollowup()).toMatchObject({ content: '更多', flags: MessageFlags.Ephemeral });
  });

  it('GIVEN a second reply to the same interaction THEN Discord answers 40060 already acknowledged', async () => {
    const { discord, client } = await connect();
    const secondReply = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction: Interaction) => {
        const command = interaction as ChatInputCommandInteraction;
        await command.reply('一');
        // discord.js itself refuses a second reply; go to the route directly as a buggy bot might.
        await client.rest
          .post(`/interactions/${command.id}/${command.token}/callback`, { body: { type: 4, data: { content: '二' } }, auth: false })
          .then(resolve, resolve);
      });
    });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '一' } });

    expect(String(await secondReply)).toContain('Interaction has already been acknowledged');
    expect(ask.callbacks.map((callback) => callback.status)).toEqual([204, 400]);
    expect(ask.original()?.content).toBe('一');
  });

  it('GIVEN autocomplete, a button, a select menu and a message command THEN each reaches the bot with its data', async () => {
    const { discord, client } = await connect();
    client.on(Events.InteractionCreate, async (interaction: Interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}问题`, value: 'taiwan' }]);
      } else if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: '答案',
          components: [
            { type: 1, components: [{ type: 2, style: 1, custom_id: 'quote:1', label: '发到频道' }] },
            { type: 1, components: [{ type: 3, custom_id: 'para', options: [{ label: '第一段', value: '0' }] }] },
          ],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `按了 ${interaction.customId}`, components: [] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.reply(`选了 ${interaction.values.join(',')}`);
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply(`目标：${interaction.targetMessage.content}`);
      }
    });

    const complete = discord.sendAutocomplete({ name: 'topic', options: { topic: '台湾' } });
    expect((await complete.waitForCallback()).data).toEqual({ choices: [{ name: '台湾问题', value: 'taiwan' }] });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '台湾' } });
    const answer = await ask.waitForOriginal();

    const select = discord.sendSelect({ customId: 'para', values: ['0'], message: answer });
    expect((await select.waitForOriginal()).content).toBe('选了 0');

    const button = discord.sendButton({ customId: 'quote:1', message: answer });
    expect((await button.waitForCallback()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(ask.original()).toMatchObject({ content: '按了 quote:1', components: [] });

    const target = discord.sendMessage({ content: '中方对南海的立场？' });
    const menu = discord.sendMessageContextCommand({ name: '查找官方回答', targetMessage: target });
    expect((await menu.waitForOriginal()).content).toBe('目标：中方对南海的立场？');
  });

  it('GIVEN a server RECONNECT THEN the client RESUMEs and receives a dispatch sent meanwhile', async () => {
    const { discord, client } = await connect();
    const received = next<Message>(client, Events.MessageCreate);

    discord.requestReconnect();
    await discord.waitForClose((close) => close.by === 'client');
    discord.sendMessage({ content: '断线期间的消息' });

    const resume = await discord.waitForResume();
    expect(resume).toMatchObject({ outcome: 'resumed', replayed: 1 });
    expect((await received).content).toBe('断线期间的消息');
    expect(discord.identifies).toHaveLength(1);
    expect(discord.connectionCount).toBe(2);

    const after = next<Message>(client, Events.MessageCreate);
    discord.sendMessage({ content: '恢复之后' });
    expect((await after).content).toBe('恢复之后');
  });

  it('GIVEN INVALID_SESSION(false) THEN the client IDENTIFYs again and gets READY', async () => {
    const { discord, client } = await connect();

    discord.invalidSession(false);
    expect(await discord.waitForIdentify(2)).toMatchObject({ accepted: true });
    await discord.waitForReady(2);

    const received = next<Message>(client, Events.MessageCreate);
    discord.sendMessage({ content: '重新认证之后' });
    expect((await received).content).toBe('重新认证之后');
  });

  it('GIVEN the Message Content intent is not allowed THEN the gateway closes with 4014 and login fails', async () => {
    discord = await FakeDiscord.start({ allowMessageContent: false });
    client = new Client({ intents: INTENTS, rest: { api: discord.apiBase } });

    await expect(client.login('test-token')).rejects.toThrow('Used disallowed intents');
    expect(discord.closes).toContainEqual({ code: 4014, by: 'server' });
    expect(discord.identifies[0]).toMatchObject({ accepted: false, closeCode: 4014 });
  });

  it('GIVEN a commands PUT THEN the commands are stored with ids and a slash command uses the registered id', async () => {
    const { discord, client } = await connect();
    const body: ApplicationCommandDataResolvable[] = [
      {
        name: 'ask',
        description: '提问',
        options: [{ type: ApplicationCommandOptionType.String, name: 'question', description: '问题', required: true }],
      },
      { name: '查找官方回答', type: ApplicationCommandType.Message },
    ];

    await client.application!.commands.set(body, discord.guild.id);

    const stored = discord.commands(discord.guild.id);
    expect(stored.map((command) => command.name)).toEqual(['ask', '查找官方回答']);
    expect(stored[0]).toMatchObject({ application_id: discord.applicationId, guild_id: discord.guild.id, type: 1 });
    const received = next<Interaction>(client, Events.InteractionCreate);
    discord.sendSlashCommand({ name: 'ask', options: { question: '台湾' } });
    expect((await received as ChatInputCommandInteraction).commandId).toBe(stored[0]?.id);
  });

  it('GIVEN an invalid command name THEN the PUT fails with Invalid Form Body', async () => {
    const { discord, client } = await connect();

    await expect(client.application!.commands.set([{ name: 'Ask Me', description: '提问' }])).rejects.toThrow('Invalid Form Body');
    expect(discord.commands()).toEqual([]);
  });
});

describe('FakeDiscord enforces what Discord enforces', () => {
  it('GIVEN a callback after the interaction expired THEN it gets 404 Unknown interaction', async () => {
    const { discord, client } = await connect({ interactionTimeoutMs: 50 });
    const outcome = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction: Interaction) => {
        await new Promise((wait) => setTimeout(wait, 120));
        await (interaction as ChatInputCommandInteraction).reply('太迟了').then(resolve, resolve);
      });
    });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '慢' } });

    expect(String(await outcome)).toContain('Unknown interaction');
    const callback = await ask.waitForCallback();
    expect(callback.status).toBe(404);
    expect(callback.elapsedMs).toBeGreaterThan(50);
    expect(ask.original()).toBeUndefined();
  });

  it('GIVEN content over 2000 characters THEN the send fails with Invalid Form Body and nothing is posted', async () => {
    const { discord, client } = await connect();
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    await expect(channel.send('字'.repeat(2001))).rejects.toThrow('Invalid Form Body');
    expect(discord.requests.at(-1)).toMatchObject({ status: 400, route: 'POST /channels/:channelId/messages' });
    expect(discord.messagesIn(discord.channelId)).toEqual([]);
  });

  it('GIVEN @everyone sent with allowedMentions parse [] THEN the message pings no one', async () => {
    const { discord, client } = await connect();
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    await channel.send({ content: `@everyone <@${discord.user.id}>`, allowedMentions: { parse: [] } });
    await channel.send({ content: `@everyone <@${discord.user.id}>` });

    const [quiet, loud] = discord.messagesIn(discord.channelId);
    expect(quiet).toMatchObject({ mention_everyone: false, mentions: [] });
    expect(loud).toMatchObject({ mention_everyone: true, mentions: [{ id: discord.user.id }] });
  });

  it('GIVEN a file THEN the multipart body is parsed into payload_json and files', async () => {
    const { discord, client } = await connect();
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    const sent = await channel.send({ content: '附件', files: [{ attachment: Buffer.from('原文'), name: 'source.txt' }] });

    const request = await discord.waitForRequest((each) => each.files.length > 0);
    expect(request.body).toMatchObject({ content: '附件' });
    expect(request.files[0]).toMatchObject({ name: 'source.txt', data: Buffer.from('原文') });
    expect(sent.attachments.first()?.name).toBe('source.txt');
  });

  it('GIVEN a request to a route the stand-in does not know THEN it is answered 404 and recorded', async () => {
    const { discord, client } = await connect();

    await expect(client.rest.get(`/guilds/${discord.guild.id}/bans`)).rejects.toThrow('404: Not Found');
    expect(discord.unknownRequests()).toMatchObject([{ method: 'GET', path: `/guilds/${discord.guild.id}/bans` }]);
  });

  it('GIVEN the app lacks Message Content THEN fetching a message that does not mention the bot returns no text', async () => {
    const { discord, client } = await connect({ allowMessageContent: false }, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const plain = discord.sendMessage({ content: '普通消息' });
    const mention = discord.sendMessage({ content: '提到了', mentionsBot: true });
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isTextBased()) throw new Error('channel not text');

    expect((await channel.messages.fetch({ message: plain.id, force: true })).content).toBe('');
    expect((await channel.messages.fetch({ message: mention.id, force: true })).content).toContain('提到了');
  });

  it('GIVEN a wrong token THEN login fails as with Discord', async () => {
    discord = await FakeDiscord.start({ token: 'the-real-token' });
    client = new Client({ intents: INTENTS, rest: { api: discord.apiBase } });

    await expect(client.login('wrong-token')).rejects.toThrow('An invalid token was provided.');
  });
});

describe('FakeDiscord behaves like the gateway', () => {
  it('GIVEN the bot posts a message THEN it comes back to the bot as MESSAGE_CREATE', async () => {
    const { discord, client } = await connect();
    const own = next<Message>(client, Events.MessageCreate);
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    await channel.send('自己的消息');

    expect((await own).author.id).toBe(discord.applicationId);
  });

  it('GIVEN a dispatch right after RECONNECT THEN the client gets it exactly once', async () => {
    const { discord, client } = await connect();
    const seen: string[] = [];
    client.on(Events.MessageCreate, (message) => seen.push(message.content));

    discord.requestReconnect();
    discord.sendMessage({ content: '紧接着' });
    await discord.waitForResume();
    const after = next<Message>(client, Events.MessageCreate);
    discord.sendMessage({ content: '之后' });
    await after;

    expect(seen).toEqual(['紧接着', '之后']);
  });

  it('GIVEN the server closes with 4000 THEN the client resumes', async () => {
    const { discord } = await connect();

    discord.closeGatewayConnections(4000, 'Unknown error');

    expect(await discord.waitForResume()).toMatchObject({ outcome: 'resumed' });
    expect(discord.identifies).toHaveLength(1);
  });

  it('GIVEN INVALID_SESSION(true) THEN the client resumes on the same connection', async () => {
    const { discord } = await connect();

    discord.invalidSession(true);

    expect(await discord.waitForResume()).toMatchObject({ outcome: 'resumed' });
    expect(discord.connectionCount).toBe(1);
  });

  it('GIVEN reply withResponse THEN the callback answers with the interaction and message resource', async () => {
    const { discord, client } = await connect();
    const response = new Promise<InteractionCallbackResponse>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction: Interaction) => {
        resolve(await (interaction as ChatInputCommandInteraction).reply({ content: '带回应', withResponse: true }));
      });
    });

    const ask = discord.sendSlashCommand({ name: 'ask', options: { question: '回应' } });

    const { interaction, resource } = await response;
    expect(interaction.id).toBe(ask.id);
    expect(resource?.message?.content).toBe('带回应');
    expect((await ask.waitForCallback()).withResponse).toBe(true);
  });
});
