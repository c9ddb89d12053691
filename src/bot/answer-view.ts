import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import { getUnit, type SearchIndex } from '../search/index.js';
import type { Answer, AnswerUnit, IndexFile } from '../types.js';
import { archiveMessages, feedbackMessages, messages } from '../messages.js';
import { encodeCustomId, toRef } from './custom-id.js';
import { paginate, type PageSegment } from './paging.js';
import { summarizeOccurrences } from '../archive/occurrences.js';
import { englishPieces, officialEnglish } from '../archive/translation.js';
import { describeAbstention } from '../present/abstention.js';
import { describeSpeech, escapeSourceText, findSource, formatAttribution } from './quote.js';

/**
 * Characters of answer text per page: half of the 4096 an embed description may hold, so a page
 * stays readable on one screen and the question head, title and footer keep the embed under 6000.
 */
export const PAGE_BUDGET = 2000;
/** Discord's limits this module renders within. */
export const LIMITS = { description: 4096, title: 256, footer: 2048, embedsTotal: 6000, selectOptions: 25, optionText: 100, fieldValue: 1024 } as const;

/** What a reply carries; the sender adds `allowedMentions` and ephemerality. */
export interface ReplyBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** How to show a unit: which page (default: the one holding `best`), which paragraph to mark, whether to offer the publish button and 👍/👎. */
export interface UnitViewOptions extends AnswerViewOptions {
  page?: number;
  best: number | null;
  /** The question was English: the marked paragraph's official English (from the English edition), when the archive has it. */
  english?: boolean;
}

/** Which buttons an answer carries. */
export interface AnswerViewOptions {
  /** 发到频道: post the answer publicly (for an answer only the asker sees). */
  publishable: boolean;
  /** 👍 / 👎 (while feedback is kept). */
  votable: boolean;
}

/**
 * Renders the reply to an answered, unanswered or no_match `Answer`. An answer opens on the page
 * holding its best paragraph, which is marked ▶ and bold; an abstention says why and what the bot
 * can offer instead (renderAbstention).
 */
export function renderAnswer(index: SearchIndex, answer: Answer, options: AnswerViewOptions): ReplyBody {
  if (answer.status === 'answered' && answer.answer !== null) {
    const unit = getUnit(index, answer.answer.unitId);
    if (unit !== undefined) {
      const view = renderUnitView(index.file, unit, { ...options, best: answer.answer.bestParagraph, english: answer.analysis?.english === true });
      // A quote from outside the period the question named says so above the embed.
      return answer.outsidePeriod === undefined || answer.period === undefined
        ? view
        : { ...view, content: archiveMessages.outsidePeriod(answer.period.from, answer.period.to, answer.outsidePeriod.date) };
    }
  }
  if (answer.status === 'unanswered' && answer.unansweredQuestion !== null) {
    const recorded = index.file.unanswered.find((question) => question.question === answer.unansweredQuestion);
    return { content: renderUnanswered(index.file, recorded?.outlet ?? null, answer.unansweredQuestion, recorded?.source) };
  }
  return { content: renderAbstention(answer) };
}

/** The unanswered-question message: the recorded question as a quote, with the event it was asked at. */
export function renderUnanswered(file: IndexFile, outlet: string | null, question: string, source: string | undefined): string {
  const event = source === undefined ? '' : `\n${formatAttribution(file, { speaker: null, source })}`;
  return `${messages.unanswered(outlet, escapeSourceText(question))}${event}`;
}

/**
 * The reply to a no_match answer: why there is no quote, then what the bot can offer instead (up
 * to three near topics, with where to read them), as every front end words it (describeAbstention).
 * Escaped like source text: it repeats the user's words (the party whose view was asked) and topic
 * labels, and its own words hold no Markdown.
 */
export function renderAbstention(answer: Answer): string {
  return escapeSourceText(describeAbstention(answer, { topicHint: messages.topicCommandHint }).join('\n'));
}

/** A unit's pages (paging is deterministic, so a button only needs the unit, the page and the mark). */
function paginateUnit(unit: AnswerUnit, best: number | null): PageSegment[][] {
  return paginate(unit.paragraphs, bodyBudget(unit), (segment) => renderSegment(segment, best));
}

/**
 * Renders one page of a unit as an embed (title: topic; description: the reporter's question, then
 * the page's paragraphs; footer: speaker, event, date, source, page) with ◀ ▶ page buttons, the
 * publish button when `publishable`, 👍 👎 when `votable`, and a menu to quote one of the page's paragraphs.
 */
export function renderUnitView(file: IndexFile, unit: AnswerUnit, options: UnitViewOptions): ReplyBody {
  const pages = paginateUnit(unit, options.best);
  const requested = options.page ?? pages.findIndex((segments) => segments.some((segment) => segment.paragraph === options.best));
  const pageIndex = Math.min(Math.max(requested, 0), pages.length - 1);
  const segments = pages[pageIndex] ?? [];
  const head = renderHead(unit);
  const body = segments.map((segment) => renderSegment(segment, options.best)).join('\n\n');
  const meta = findSource(file, unit.source);
  const occurrences = summarizeOccurrences(file, unit.id, options.best);
  const footer = [
    describeSpeech(file, unit),
    messages.sourceLabel(meta?.file ?? unit.source),
    ...(pages.length > 1 ? [messages.pageOf(pageIndex + 1, pages.length)] : []),
  ].join(' · ') + (occurrences === undefined ? '' : `\n${archiveMessages.occurrences(occurrences)}`);
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOR)
    .setTitle(truncate(unit.topic, LIMITS.title))
    .setDescription(head === null ? body : `${head}\n\n${body}`)
    .setFooter({ text: truncate(footer, MAX_FOOTER) });
  const english = options.english === true ? officialEnglish(unit, options.best) : null;
  if (english !== null) addOfficialEnglish(embed, english);

  const ref = toRef(unit.id);
  const buttons: ButtonBuilder[] = [];
  if (pages.length > 1) {
    const pageButton = (label: string, target: number, disabled: boolean) =>
      new ButtonBuilder()
        .setCustomId(encodeCustomId({ kind: 'page', ref, page: target, best: options.best, publishable: options.publishable }))
        .setLabel(label)
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(disabled);
    buttons.push(pageButton(messages.previousPage, Math.max(pageIndex - 1, 0), pageIndex === 0));
    buttons.push(pageButton(messages.nextPage, Math.min(pageIndex + 1, pages.length - 1), pageIndex === pages.length - 1));
  }
  if (options.publishable) {
    buttons.push(new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'publish', ref })).setLabel(messages.publish).setStyle(ButtonStyle.Primary));
  }
  if (options.votable) {
    for (const vote of ['up', 'down'] as const) {
      buttons.push(new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'vote', vote, ref })).setEmoji({ name: feedbackMessages.voteEmoji[vote] }).setStyle(ButtonStyle.Secondary));
    }
  }
  const paragraphs = [...new Set(segments.map((segment) => segment.paragraph))].slice(0, LIMITS.selectOptions);
  const menu = new StringSelectMenuBuilder()
    .setCustomId(encodeCustomId({ kind: 'quote', ref }))
    .setPlaceholder(messages.quoteParagraphPlaceholder)
    .addOptions(
      paragraphs.map((paragraph) => ({
        label: messages.paragraphOption(paragraph + 1),
        description: truncate(unit.paragraphs[paragraph] ?? '', LIMITS.optionText),
        value: String(paragraph),
      })),
    );
  const components = [
    ...(buttons.length > 0 ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON()] : []),
    new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON(),
  ];
  return { embeds: [embed.toJSON()], components };
}

/** The official English as embed fields (1,024 characters each, split between sentences), when the whole embed stays within Discord's 6,000. */
function addOfficialEnglish(embed: EmbedBuilder, english: string): void {
  const fields = englishPieces(english, LIMITS.fieldValue).map((value, i) => ({ name: i === 0 ? archiveMessages.officialEnglish : '\u200b', value: escapeSourceText(value) }));
  const { title = '', description = '', footer } = embed.toJSON();
  const used = title.length + description.length + (footer?.text.length ?? 0);
  const added = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  if (fields.every((field) => field.value.length <= LIMITS.fieldValue) && used + added <= LIMITS.embedsTotal) embed.addFields(fields);
}

function renderHead(unit: AnswerUnit): string | null {
  return unit.question === null ? null : messages.reporterQuestion(unit.outlet, escapeSourceText(unit.question));
}

function renderSegment(segment: PageSegment, best: number | null): string {
  const text = escapeSourceText(segment.text);
  return segment.paragraph === best ? `${messages.bestMark}**${text}**` : text;
}

/** Room for the answer text in the description once the question head is there. */
function bodyBudget(unit: AnswerUnit): number {
  const head = renderHead(unit);
  return Math.min(PAGE_BUDGET, LIMITS.description - (head === null ? 0 : head.length + 2));
}

/** Shortens a label to `max` characters with an ellipsis (labels only; quoted text is paged, never cut). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

const EMBED_COLOR = 0xb22222;
/** Keeps title + description + footer under the 6000 shared by a message's embeds. */
const MAX_FOOTER = LIMITS.embedsTotal - LIMITS.description - LIMITS.title - 100;
