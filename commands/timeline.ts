import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { suggestLines, timelineOf } from '../src/archive/timeline.js';
import { archiveCommandTexts, archiveMessages } from '../src/messages.js';
import { answerQuestion } from '../src/search/index.js';
import { truncate } from '../src/bot/answer-view.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { MAX_AUTOCOMPLETE_CHOICES, MAX_CHOICE_LENGTH, resolveRef, toRef } from '../src/bot/custom-id.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { interactionReply } from '../src/bot/reply.js';
import { renderTimeline } from '../src/bot/timeline-view.js';

/** `/timeline topic:` — how the wording of a line said many times changed over the years, with autocomplete. */
export const data = withText(new SlashCommandBuilder(), archiveCommandTexts.timeline).addStringOption((option) =>
  withText(option, archiveCommandTexts.timelineTopic).setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH),
);

/** Choices from memory (no I/O), as /topic's: the lines said more than once, by topic, question and wording. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const choices = suggestLines(context.index, typed, MAX_AUTOCOMPLETE_CHOICES).map((line) => ({
    name: truncate(archiveMessages.timelineChoice(line.topic, line.count, line.first, line.last, line.text), MAX_CHOICE_LENGTH),
    value: toRef(line.id),
  }));
  await interaction.respond(choices);
}

/** The picked line's timeline, privately; typed text without a pick is read as a question, and its answer's line is shown. */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const { file } = context.index;
  const value = interaction.options.getString(archiveCommandTexts.timelineTopic.name, true);
  const lineId = timelineOf(file, resolveRef(file, value)) !== undefined ? resolveRef(file, value) : answerQuestion(context.index, value).occurrences?.line;
  const timeline = lineId === undefined ? undefined : timelineOf(file, lineId);
  if (timeline === undefined) {
    await interaction.reply(interactionReply({ content: archiveMessages.timelineNotFound }, true));
    return;
  }
  await interaction.reply(interactionReply(renderTimeline(file, timeline, 0), true));
}
