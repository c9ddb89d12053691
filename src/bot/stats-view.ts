import { EmbedBuilder, escapeMarkdown } from 'discord.js';
import type { GuildStats } from '../feedback/index.js';
import { feedbackMessages } from '../messages.js';
import { getUnit, type SearchIndex } from '../search/index.js';
import type { ReplyBody } from './answer-view.js';
import { truncate } from './answer-view.js';

/** Characters of a user's question shown in the list (the CSV export has them whole). */
const QUESTION_SHOWN = 80;
/** Characters of an answer's reporter question shown after its topic. */
const ANSWER_QUESTION_SHOWN = 30;
/** Discord's limit on an embed field's value. */
const FIELD_VALUE = 1024;

/**
 * Renders a guild's stats as one embed: answers and abstentions for each period (inline fields),
 * the most asked unanswered questions (as typed, Markdown escaped, shortened), and the answers
 * with most 👎 (topic and the start of the reporter's question; the unit id when the index no
 * longer holds the unit).
 */
export function renderStats(index: SearchIndex, stats: GuildStats, retentionDays: number): ReplyBody {
  const asked = stats.topUnanswered.map((group, i) =>
    feedbackMessages.statsAskedItem(i + 1, escapeMarkdown(truncate(group.question, QUESTION_SHOWN)), group.count, group.closestTopics),
  );
  const voted = stats.mostDownvoted.map((answer, i) => feedbackMessages.statsVotedItem(i + 1, describeUnit(index, answer.unitId), answer.down, answer.up));
  const list = (lines: string[]) => (lines.length === 0 ? feedbackMessages.statsNone : truncate(lines.join('\n'), FIELD_VALUE));
  const embed = new EmbedBuilder()
    .setTitle(feedbackMessages.statsTitle)
    .addFields(
      ...stats.periods.map((period) => ({
        name: feedbackMessages.statsPeriodName(period.days),
        value: feedbackMessages.statsPeriod(period.answered, period.noMatch, period.unanswered),
        inline: true,
      })),
      { name: feedbackMessages.statsTopUnansweredName(stats.listDays), value: list(asked) },
      { name: feedbackMessages.statsMostDownvotedName(stats.listDays), value: list(voted) },
    )
    .setFooter({ text: feedbackMessages.statsFooter(retentionDays) });
  return { embeds: [embed.toJSON()] };
}

/** `中美关系：中美关系会不会…`, or the unit id when the index no longer holds it. */
function describeUnit(index: SearchIndex, unitId: string): string {
  const unit = getUnit(index, unitId);
  if (unit === undefined) return escapeMarkdown(unitId);
  return unit.question === null ? unit.topic : `${unit.topic}：${escapeMarkdown(truncate(unit.question, ANSWER_QUESTION_SHOWN))}`;
}
