import { describe, expect, it } from 'vitest';
import { decideMessage, type ListenSettings, type MessageFacts } from '../../src/bot/message-handler.js';

const BOT = '1180000000000000001';
const USER = '1180000000000000200';
const ANSWER_CHANNEL = '1180000000000000102';
const OTHER_CHANNEL = '1180000000000000101';

const facts = (overrides: Partial<MessageFacts>): MessageFacts => ({
  authorId: USER,
  authorIsBot: false,
  inGuild: true,
  channelId: OTHER_CHANNEL,
  parentChannelId: null,
  content: '',
  ...overrides,
});
const listening: ListenSettings = { botUserId: BOT, answerChannelIds: new Set([ANSWER_CHANNEL]), channelAnswers: true };
const withoutIntent: ListenSettings = { ...listening, channelAnswers: false };

describe('decideMessage', () => {
  it.each<[string, Partial<MessageFacts>, ListenSettings, ReturnType<typeof decideMessage>]>([
    ['a mention in any channel', { content: `<@${BOT}> 中美关系会恶化吗？` }, withoutIntent, { action: 'answer', via: 'mention' }],
    ['a nickname mention', { content: `请问 <@!${BOT}>，中俄关系怎么样` }, withoutIntent, { action: 'answer', via: 'mention' }],
    ['a DM', { inGuild: false, content: '谎言录' }, withoutIntent, { action: 'answer', via: 'dm' }],
    ['a DM that mentions the bot', { inGuild: false, content: `<@${BOT}>谎言录` }, withoutIntent, { action: 'answer', via: 'dm' }],
    ['an answer channel, intent on', { channelId: ANSWER_CHANNEL, content: '中欧关系' }, listening, { action: 'answer', via: 'channel' }],
    ['a thread of an answer channel', { channelId: '1180000000000000999', parentChannelId: ANSWER_CHANNEL, content: '中欧关系' }, listening, { action: 'answer', via: 'channel' }],
    ['an answer channel, intent off', { channelId: ANSWER_CHANNEL, content: '中欧关系' }, withoutIntent, { action: 'ignore', reason: 'not_addressed' }],
    ['another channel, no mention', { content: '中欧关系' }, listening, { action: 'ignore', reason: 'not_addressed' }],
    ['@everyone is not a mention of the bot', { content: '@everyone 中欧关系' }, listening, { action: 'ignore', reason: 'not_addressed' }],
    ['another user mentioned', { content: `<@${USER}> 中欧关系` }, listening, { action: 'ignore', reason: 'not_addressed' }],
    ['its own message', { authorId: BOT, content: `<@${BOT}> 谎言录` }, listening, { action: 'ignore', reason: 'own' }],
    ['another bot mentioning it', { authorIsBot: true, content: `<@${BOT}> 谎言录` }, listening, { action: 'ignore', reason: 'bot' }],
    ['another bot in an answer channel', { authorIsBot: true, channelId: ANSWER_CHANNEL, content: '谎言录' }, listening, { action: 'ignore', reason: 'bot' }],
    ['a bare mention (empty question)', { content: `<@${BOT}>` }, withoutIntent, { action: 'answer', via: 'mention' }],
  ])('GIVEN %s THEN %j', (_name, overrides, settings, decision) => {
    expect(decideMessage(facts(overrides), settings)).toEqual(decision);
  });
});
