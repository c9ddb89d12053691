import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { LIMITS, renderAbstention, renderAnswer, renderUnitView, type ReplyBody } from '../../src/bot/answer-view.js';
import { decodeCustomId } from '../../src/bot/custom-id.js';
import { readIndexFile } from '../../src/index-file.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import type { Answer, AnswerDecision, AnswerUnit } from '../../src/types.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const file = readIndexFile();
const index = createSearchIndex(file, createDefaultAnalyzer());
const unit = (id: string) => file.units.find((candidate) => candidate.id === id)!;

/** Every Discord limit a reply body must respect. */
export function expectWithinDiscordLimits(body: ReplyBody): void {
  expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
  let total = 0;
  for (const embed of body.embeds ?? []) {
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
    expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
    total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const row of body.components ?? []) {
    for (const component of row.components) {
      if ('custom_id' in component) expect(component.custom_id.length).toBeLessThanOrEqual(100);
      if ('options' in component && component.options) {
        expect(component.options.length).toBeLessThanOrEqual(25);
        for (const option of component.options) {
          expect(option.label.length).toBeLessThanOrEqual(100);
          expect((option.description ?? '').length).toBeLessThanOrEqual(100);
        }
      }
    }
  }
}

/** An answer only the asker sees, while feedback is kept. */
const PRIVATE = { publishable: true, votable: true };

describe('renderAnswer', () => {
  it('GIVEN an answered question THEN an embed: topic, reporter question with outlet, every paragraph as source text, best marked, attribution footer', () => {
    const answer = answerQuestion(index, '中美关系会不会恶化？');
    expect(answer.status).toBe('answered');
    const hit = answer.answer!;
    const body = renderAnswer(index, answer, PRIVATE);
    const embed = body.embeds![0] as APIEmbed;
    const source = unit(hit.unitId);
    expect(embed.title).toBe(source.topic);
    expect(embed.description!.startsWith(`**记者问（${source.outlet}）**：${source.question}\n\n`)).toBe(true);
    source.paragraphs.forEach((paragraph, i) => {
      expect(embed.description).toContain(i === hit.bestParagraph ? `▶ **${paragraph}**` : paragraph);
    });
    expect(embed.footer!.text).toBe('王毅（国务委员兼外交部长），十三届全国人大三次会议记者会，2020-05-24 · 来源：2020-05-24-npc-press-conference.txt');
    expectWithinDiscordLimits(body);
  });

  it('GIVEN a publishable answer THEN a 发到频道 button and a menu to quote one paragraph, both naming the unit', () => {
    const answer = answerQuestion(index, '中美关系会不会恶化？');
    const [buttons, menu] = renderAnswer(index, answer, PRIVATE).components!;
    const publish = buttons!.components[0]!;
    expect(publish).toMatchObject({ label: '发到频道' });
    expect(decodeCustomId((publish as { custom_id: string }).custom_id)).toEqual({ kind: 'publish', ref: answer.answer!.unitId });
    const select = menu!.components[0] as { custom_id: string; options: { label: string; value: string }[] };
    expect(decodeCustomId(select.custom_id)).toEqual({ kind: 'quote', ref: answer.answer!.unitId });
    expect(select.options.map((option) => option.value)).toEqual(unit(answer.answer!.unitId).paragraphs.map((_, i) => String(i)));
  });

  it('GIVEN feedback is kept THEN 👍 and 👎 after the publish button, naming the unit', () => {
    const answer = answerQuestion(index, '中美关系会不会恶化？');
    const [buttons] = renderAnswer(index, answer, PRIVATE).components!;
    const [, up, down] = buttons!.components as { custom_id: string; emoji: { name: string } }[];
    expect([up!.emoji.name, down!.emoji.name]).toEqual(['👍', '👎']);
    expect(decodeCustomId(up!.custom_id)).toEqual({ kind: 'vote', vote: 'up', ref: answer.answer!.unitId });
    expect(decodeCustomId(down!.custom_id)).toEqual({ kind: 'vote', vote: 'down', ref: answer.answer!.unitId });
  });

  it('GIVEN a long answer while feedback is kept THEN ◀ ▶ 发到频道 👍 👎: five buttons, the most one row holds', () => {
    const answer = answerQuestion(index, '中美关系会不会恶化？');
    const long = { ...unit(answer.answer!.unitId), paragraphs: Array.from({ length: 12 }, () => '中美关系'.repeat(200)) };
    const [buttons] = renderUnitView(file, long, { best: 0, ...PRIVATE }).components!;
    expect(buttons!.components).toHaveLength(5);
  });

  it('GIVEN a public answer THEN no publish button (the paragraph menu stays)', () => {
    const body = renderAnswer(index, answerQuestion(index, '中美关系会不会恶化？'), { publishable: false, votable: false });
    expect(body.components).toHaveLength(1);
  });

  it.each([
    ['帮我写一首诗', '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n可以换个说法，或者问一个更具体的外交话题。'],
    ['俄罗斯对中俄关系怎么看', '实录中只有中方的表态，没有俄罗斯的看法。\n可以提供中方在相近话题上的表态：中俄关系（可用 /topic 查看）'],
    ['中美关系什么时候开始恶化的', '实录中没有给出这个具体日期或时间。\n实录中有这个话题的官方表态：中美关系、中俄关系（可用 /topic 查看）'],
    ['请问', '没有从问题中读出要查找的话题。请问得具体一些，例如：中方如何看待中美关系？'],
  ])('GIVEN %s, which search abstains on THEN why, then what the bot can offer, with where to read it', (question, content) => {
    const body = renderAnswer(index, answerQuestion(index, question), PRIVATE);
    expect(body).toEqual({ content });
  });

  it('GIVEN a question recorded without an answer THEN it says so and shows the question', () => {
    const answer = answerQuestion(index, '香港国安立法会不会损害香港金融中心地位？');
    expect(answer.status).toBe('unanswered');
    expect(renderAnswer(index, answer, PRIVATE).content).toBe(
      '记者会实录中记录了这个问题，但没有记录回答：\n> 中国决定推进涉港国安立法可能导致美方报复。中方是否担心香港作为全球金融中心的地位会因此受到损害？\n（提问：路透社）\n—— 十三届全国人大三次会议记者会，2020-05-24',
    );
  });

  it.each<[AnswerDecision['reason'], string[], string]>([
    ['no_candidate', [], '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n可以换个说法，或者问一个更具体的外交话题。'],
    [
      'low_coverage',
      ['中美关系', '中美关系', '中欧关系', '中俄关系', '病毒溯源'],
      '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。\n相近的话题：中美关系、中欧关系、中俄关系（可用 /topic 查看）',
    ],
    ['too_vague', ['中美关系'], '这个问题太宽泛了，实录中很多回答都谈到它。请问得具体一些，例如：中方如何看待中美关系？\n相近的话题：中美关系（可用 /topic 查看）'],
  ])('renderAbstention(%s, %j)', (reason, topics, text) => {
    expect(renderAbstention(abstained('问题', reason, topics))).toBe(text);
  });

  it('GIVEN a party typed with Markdown THEN the repeated words show as typed', () => {
    const answer = { ...abstained('*美方*怎么看', 'other_party_view', []), analysis: { intent: { kind: 'other-view' as const, party: '*美方*', cue: '怎么看' }, framing: [], terms: [], english: false } };
    expect(renderAbstention(answer)).toBe('实录中只有中方的表态，没有\\*美方\\*的看法。');
  });
});

/** A no_match answer with the given reason and closest topics. */
function abstained(question: string, reason: AnswerDecision['reason'], topics: string[]): Answer {
  return {
    question,
    status: 'no_match',
    answer: null,
    unansweredQuestion: null,
    alternatives: topics.map((topic, i) => ({ unitId: `s#${i + 1}`, topic, confidence: 0.4 })),
    analysis: { intent: { kind: 'position' }, framing: [], terms: [], english: false },
    decision: { reason, coverage: 0.5, margin: 0.5 },
  };
}

describe('renderUnitView paging', () => {
  const long: AnswerUnit = {
    ...unit('2020-05-24-npc-press-conference#3'),
    id: 'long#1',
    paragraphs: Array.from({ length: 30 }, (_, i) => `${'中美关系'.repeat(60)}第${i}段。${'合作共赢'.repeat(20)}。`),
  };

  it('GIVEN no page THEN it opens on the page holding the best paragraph', () => {
    const body = renderUnitView(file, long, { best: 29, publishable: false, votable: false });
    const [, page, pages] = /第 (\d+)\/(\d+) 页/.exec(body.embeds![0]!.footer!.text)!;
    expect(page).toBe(pages);
    expect(body.embeds![0]!.description).toContain(`▶ **${long.paragraphs[29]}**`);
  });

  it('GIVEN a long unit THEN pages within the limits, ◀ ▶ buttons that name the page, and every paragraph on some page', () => {
    const first = renderUnitView(file, long, { page: 0, best: 5, publishable: true, votable: true });
    const pageCount = Number(/第 1\/(\d+) 页/.exec(first.embeds![0]!.footer!.text)![1]);
    expect(pageCount).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let page = 0; page < pageCount; page++) {
      const body = renderUnitView(file, long, { page, best: 5, publishable: true, votable: true });
      expectWithinDiscordLimits(body);
      const [previous, next] = body.components![0]!.components as { custom_id: string; disabled?: boolean }[];
      expect(decodeCustomId(previous!.custom_id)).toMatchObject({ kind: 'page', page: Math.max(page - 1, 0), best: 5 });
      expect(decodeCustomId(next!.custom_id)).toMatchObject({ kind: 'page', page: Math.min(page + 1, pageCount - 1) });
      expect(previous!.disabled).toBe(page === 0);
      expect(next!.disabled).toBe(page === pageCount - 1);
      seen.push(body.embeds![0]!.description!);
    }
    for (const [i, paragraph] of long.paragraphs.entries()) {
      expect(seen.some((description) => description.includes(i === 5 ? `▶ **${paragraph}**` : paragraph))).toBe(true);
    }
  });
});
