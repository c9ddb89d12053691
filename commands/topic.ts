import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { getUnanswered, getUnit, suggestTopics } from '../src/search/index.js';
import { commandTexts, messages } from '../src/messages.js';
import { answerFor } from '../src/bot/answer-flow.js';
import { askerOfInteraction } from '../src/bot/asker.js';
import { renderUnanswered, renderUnitView } from '../src/bot/answer-view.js';
import { topicChoiceName } from '../src/bot/choices.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { MAX_AUTOCOMPLETE_CHOICES, resolveRef, toRef } from '../src/bot/custom-id.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { interactionReply } from '../src/bot/reply.js';

/** `/topic topic:` — a unit (or a recorded unanswered question) picked by topic, with autocomplete. */
export const data = withText(new SlashCommandBuilder(), commandTexts.topic).addStringOption((option) =>
  withText(option, commandTexts.topicTopic).setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH),
);

/** Choices from memory (no I/O), well within Discord's 3 seconds. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const choices = suggestTopics(context.index, typed, MAX_AUTOCOMPLETE_CHOICES).map((suggestion) => ({
    name: topicChoiceName(suggestion),
    value: toRef(suggestion.id),
  }));
  await interaction.respond(choices.slice(0, MAX_AUTOCOMPLETE_CHOICES));
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const value = interaction.options.getString(commandTexts.topicTopic.name, true);
  const id = resolveRef(context.index.file, value);
  const unit = getUnit(context.index, id);
  if (unit !== undefined) {
    await interaction.reply(interactionReply(renderUnitView(context.index.file, unit, { page: 0, best: null, publishable: true, votable: context.feedback.enabled }), true));
    return;
  }
  const unanswered = getUnanswered(context.index, id);
  if (unanswered !== undefined) {
    const content = renderUnanswered(context.index.file, unanswered.outlet, unanswered.question, unanswered.source);
    await interaction.reply(interactionReply({ content }, true));
    return;
  }
  // Typed without picking a choice: treat it as a question.
  const outcome = answerFor(context, askerOfInteraction(interaction, 'topic'), value, { publishable: true });
  const reply = outcome.kind === 'no_match' ? { content: messages.topicNotFound } : outcome.reply;
  await interaction.reply(interactionReply(reply, true));
}
