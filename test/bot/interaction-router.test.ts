import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MessageFlags, type CommandInteraction, type Interaction } from 'discord.js';
import type { BotContext, Command } from '../../src/bot/command.js';
import { createInteractionRouter } from '../../src/bot/interaction-router.js';
import { RateLimiter } from '../../src/bot/rate-limiter.js';
import { parseConfig } from '../../src/config.js';
import { readIndexFile } from '../../src/index-file.js';
import { FEEDBACK_OFF } from '../../src/feedback/index.js';
import { createLogger } from '../../src/log.js';
import { createSearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const logLines: string[] = [];
const context: BotContext = {
  config: parseConfig({}),
  index: createSearchIndex(readIndexFile(), createDefaultAnalyzer()),
  logger: createLogger('error', new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) })),
  rateLimiter: new RateLimiter(5, 60_000),
  feedback: FEEDBACK_OFF,
};

/** A chat-input interaction with just what the router touches, recording what it is sent. */
function chatInput(state: { replied: boolean; deferred: boolean }) {
  const sent: { via: 'reply' | 'followUp'; options: unknown }[] = [];
  const interaction = {
    ...state,
    id: '1',
    type: 2,
    commandName: 'boom',
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isMessageContextMenuCommand: () => false,
    isRepliable: () => true,
    reply: async (options: unknown) => void sent.push({ via: 'reply', options }),
    followUp: async (options: unknown) => void sent.push({ via: 'followUp', options }),
  };
  return { interaction: interaction as unknown as Interaction, sent };
}

const failing: Command<CommandInteraction> = {
  data: { name: 'boom', toJSON: () => ({ name: 'boom', description: 'x' }) },
  execute: async () => {
    throw new Error('handler failed');
  },
};
const router = createInteractionRouter(new Map([['boom', failing]]), context);
const errorReply = { content: '抱歉，处理这个请求时出了问题，请稍后再试。', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [], repliedUser: false } };

describe('createInteractionRouter', () => {
  it('GIVEN a handler that throws before replying THEN an ephemeral error reply, and the failure is logged', async () => {
    const { interaction, sent } = chatInput({ replied: false, deferred: false });
    await router(interaction);
    expect(sent).toEqual([{ via: 'reply', options: errorReply }]);
    expect(logLines.some((line) => line.includes('handler failed') && line.includes('interaction failed'))).toBe(true);
  });

  it.each([
    ['deferred', { replied: false, deferred: true }],
    ['replied to', { replied: true, deferred: false }],
  ])('GIVEN a handler that throws after the interaction was %s THEN an ephemeral follow-up', async (_name, state) => {
    const { interaction, sent } = chatInput(state);
    await router(interaction);
    expect(sent).toEqual([{ via: 'followUp', options: errorReply }]);
  });
});
