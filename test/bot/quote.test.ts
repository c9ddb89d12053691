import { describe, expect, it } from 'vitest';
import { describeSpeech, formatAttribution, formatQuote, MAX_CONTENT_LENGTH } from '../../src/bot/quote.js';
import { readIndexFile } from '../../src/index-file.js';

const file = readIndexFile();
const SOURCE = '2020-05-24-npc-press-conference';

describe('formatAttribution', () => {
  it.each([
    [{ speaker: '王毅', source: SOURCE }, '—— 王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24'],
    [{ speaker: '主持人', source: SOURCE }, '—— 主持人，十三届全国人大三次会议记者会，2020-05-24'],
    [{ speaker: null, source: SOURCE }, '—— 十三届全国人大三次会议记者会，2020-05-24'],
    [{ speaker: '王毅', source: 'unknown-source' }, '—— 王毅'],
    [{ speaker: null, source: 'unknown-source' }, '—— unknown-source'],
  ])('%j → %s', (unit, line) => {
    expect(formatAttribution(file, unit)).toBe(line);
  });

  it('GIVEN the speech THEN describeSpeech is the attribution without the dash', () => {
    expect(describeSpeech(file, { speaker: '王毅', source: SOURCE })).toBe('王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24');
  });
});

describe('formatQuote', () => {
  const attribution = '—— 王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24';

  it('GIVEN two paragraphs THEN one block quote, every line quoted, then the attribution line', () => {
    expect(formatQuote(['中美合则两利，斗则俱伤。', '这是历史的结论。'], attribution)).toEqual([
      `> 中美合则两利，斗则俱伤。\n> 这是历史的结论。\n${attribution}`,
    ]);
  });

  it('GIVEN Markdown characters or mentions in the text THEN they are shown as typed (escaped), mentions left to allowedMentions', () => {
    expect(formatQuote(['*所谓*“新冷战” @everyone'], '—— 甲')).toEqual(['> \\*所谓\\*“新冷战” @everyone\n—— 甲']);
  });

  it('GIVEN a quote over 2000 characters THEN several messages, each within the limit, with the attribution, split between paragraphs', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `${'中'.repeat(300)}${i}。`);
    const messages = formatQuote(paragraphs, attribution);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
      expect(message.endsWith(`\n${attribution}`)).toBe(true);
    }
    const quoted = messages.flatMap((message) => message.split('\n').filter((line) => line.startsWith('> ')).map((line) => line.slice(2)));
    expect(quoted).toEqual(paragraphs);
  });
});
