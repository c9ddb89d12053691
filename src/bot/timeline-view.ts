import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { timelineOf, type Timeline, type WordingPart } from '../archive/timeline.js';
import type { IndexFile } from '../types.js';
import { archiveMessages, messages } from '../messages.js';
import { LIMITS, PAGE_BUDGET, truncate, type ReplyBody } from './answer-view.js';
import type { BotContext } from './command.js';
import { encodeCustomId, resolveRef, toRef } from './custom-id.js';
import { paginate, splitSentences } from './paging.js';
import { escapeSourceText } from './quote.js';
import { interactionReply } from './reply.js';

/**
 * A line's timeline as Discord shows it: one embed per page (title: the line's topic; each
 * wording: when it was first said, how long it lasted, the reporter's question, and the text
 * with what it added in **bold** and what it dropped ~~struck through~~), paged with ◀ ▶ as
 * answers are (src/bot/paging.ts; a wording is never split inside a mark).
 */

/** Markdown of a run: source text escaped, added runs bold, dropped runs struck through, marks closed at each line end. */
export function markPart(part: WordingPart): string {
  const mark = part.kind === 'added' ? '**' : part.kind === 'dropped' ? '~~' : '';
  return part.text
    .split('\n')
    .map((line) => (line.trim() === '' || mark === '' ? escapeSourceText(line) : `${mark}${escapeSourceText(line)}${mark}`))
    .join('\n');
}

/**
 * The blocks of one wording, each at most `budget` characters of Markdown: the head (date,
 * how often, the question) with as much of the text as fits, then the rest. Blocks break
 * between runs, and a run longer than a block between sentences, each piece marked on its own.
 */
export function wordingBlocks(head: string, parts: readonly WordingPart[], budget: number): string[] {
  const pieces = parts.flatMap((part) =>
    markPart(part).length <= budget / 2 ? [markPart(part)] : splitSentences(part.text).map((text) => markPart({ kind: part.kind, text })),
  );
  const blocks: string[] = [];
  let current = head;
  let hasText = false;
  for (const piece of pieces) {
    const next = hasText ? `${current}${piece}` : `${current}\n${piece}`;
    if (next.length > budget && hasText) {
      blocks.push(current);
      current = piece;
      continue;
    }
    current = next;
    hasText = true;
  }
  blocks.push(current);
  return blocks;
}

/** The Markdown blocks of a timeline, wording by wording. */
function timelineBlocks(file: IndexFile, timeline: Timeline, budget: number): string[] {
  const units = new Map(file.units.map((unit) => [unit.id, unit]));
  return timeline.steps.flatMap((step, i) => {
    const unit = units.get(step.occurrence.unitId);
    const question = step.occurrence.question === null ? [] : [messages.reporterQuestion(unit?.outlet ?? null, escapeSourceText(step.occurrence.question))];
    const head = [`${i === 0 ? `${archiveMessages.timelineFirst} ` : ''}${archiveMessages.timelineStep(step.occurrence.date, step.times, step.until)}`, ...question].join('\n');
    return wordingBlocks(head, step.parts, budget);
  });
}

/**
 * Renders one page of a line's timeline (see the module comment) with ◀ ▶ when it has several.
 * The page is clamped to the pages there are.
 */
export function renderTimeline(file: IndexFile, timeline: Timeline, page: number): ReplyBody {
  const budget = PAGE_BUDGET;
  const pages = paginate(timelineBlocks(file, timeline, budget), budget, (segment) => segment.text);
  const pageIndex = Math.min(Math.max(page, 0), pages.length - 1);
  const { line, steps } = timeline;
  const dated = line.occurrences.filter((occurrence) => occurrence.date !== null);
  const footer = [
    archiveMessages.timelineFooter(line.occurrences.length, dated[0]?.date ?? null, dated.at(-1)?.date ?? null, steps.length - 1),
    ...(pages.length > 1 ? [messages.pageOf(pageIndex + 1, pages.length)] : []),
  ].join(' · ');
  const embed = new EmbedBuilder()
    .setColor(TIMELINE_COLOR)
    .setTitle(truncate(archiveMessages.timelineTitle(line.topic), LIMITS.title))
    .setDescription((pages[pageIndex] ?? []).map((segment) => segment.text).join('\n\n'))
    .setFooter({ text: truncate(footer, LIMITS.footer) });
  if (pages.length <= 1) return { embeds: [embed.toJSON()], components: [] };
  const ref = toRef(line.id);
  const button = (label: string, target: number, disabled: boolean) =>
    new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'timeline', ref, page: target })).setLabel(label).setStyle(ButtonStyle.Secondary).setDisabled(disabled);
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    button(messages.previousPage, Math.max(pageIndex - 1, 0), pageIndex === 0),
    button(messages.nextPage, Math.min(pageIndex + 1, pages.length - 1), pageIndex === pages.length - 1),
  );
  return { embeds: [embed.toJSON()], components: [row.toJSON()] };
}

/** ◀ ▶ on a timeline: the message updated to the page the button names, or a private note that the line is gone from the index. */
export async function showTimelinePage(interaction: ButtonInteraction | StringSelectMenuInteraction, context: BotContext, ref: string, page: number): Promise<void> {
  const timeline = timelineOf(context.index.file, resolveRef(context.index.file, ref));
  if (timeline === undefined) {
    await interaction.reply(interactionReply({ content: messages.answerGone }, true));
    return;
  }
  await interaction.update(renderTimeline(context.index.file, timeline, page));
}

const TIMELINE_COLOR = 0x8b0000;
