import { describe, expect, it } from 'vitest';
import { renderStats } from '../../src/bot/stats-view.js';
import { readIndexFile } from '../../src/index-file.js';
import { createSearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import type { GuildStats } from '../../src/feedback/index.js';

const file = readIndexFile();
const index = createSearchIndex(file, createDefaultAnalyzer());
const unit = file.units.find((candidate) => candidate.question !== null)!;

const stats = (overrides: Partial<GuildStats> = {}): GuildStats => ({
  guild: '1180000000000000100',
  periods: [
    { days: 7, answered: 12, noMatch: 3, unanswered: 1 },
    { days: 30, answered: 40, noMatch: 9, unanswered: 2 },
  ],
  listDays: 30,
  topUnanswered: [{ question: '**帮我**写一首诗', count: 3, phrasings: 2, closestTopics: ['中美关系'] }],
  mostDownvoted: [
    { unitId: unit.id, up: 1, down: 4 },
    { unitId: 'gone#9', up: 0, down: 1 },
  ],
  ...overrides,
});

describe('renderStats', () => {
  it('GIVEN stats THEN one embed: a field per period, the asked questions as typed (Markdown escaped), the answers by topic or by id when gone', () => {
    const embed = renderStats(index, stats(), 90).embeds![0]!;
    expect(embed.fields).toEqual([
      { name: '最近 7 天', value: '回答 12 次\n未能回答 4 次\n（实录中没有 3，有提问无回答 1）', inline: true },
      { name: '最近 30 天', value: '回答 40 次\n未能回答 11 次\n（实录中没有 9，有提问无回答 2）', inline: true },
      { name: '最常问而未能回答的问题（最近 30 天）', value: '1. \\*\\*帮我\\*\\*写一首诗 ×3（相近话题：中美关系）' },
      { name: '👎 最多的回答（最近 30 天）', value: expect.stringMatching(new RegExp(`^1\\. ${unit.topic}：.+ — 👎 4 · 👍 1\\n2\\. gone#9 — 👎 1 · 👍 0$`)) },
    ]);
    expect(embed.footer?.text).toBe('记录保留 90 天，不保存用户 ID · 导出：npm run stats -- --csv --guild <服务器 ID>');
  });

  it('GIVEN ten questions of 500 characters THEN each list stays within the 1024 characters of a field', () => {
    const long = Array.from({ length: 10 }, (_, i) => ({ question: `${i}${'很长的问题'.repeat(100)}`, count: 10 - i, phrasings: 1, closestTopics: ['中美关系', '中欧关系', '中俄关系'] }));
    const embed = renderStats(index, stats({ topUnanswered: long }), 90).embeds![0]!;
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(1024);
  });
});
