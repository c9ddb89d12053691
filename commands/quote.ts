import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { findParagraphs, getUnit } from '../src/search/index.js';
import { commandTexts, messages } from '../src/messages.js';
import { truncate } from '../src/bot/answer-view.js';
import { withText, type BotContext } from '../src/bot/command.js';
import type { AnswerUnit } from '../src/types.js';
import { decodeParagraphRef, encodeParagraphRef, MAX_AUTOCOMPLETE_CHOICES, MAX_CHOICE_LENGTH, resolveRef } from '../src/bot/custom-id.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { sendQuote } from '../src/bot/components.js';
import { interactionReply } from '../src/bot/reply.js';


/** `/quote text:` — posts one paragraph, found by its words (autocomplete), as a public block quote. */
export const data = withText(new SlashCommandBuilder(), commandTexts.quote).addStringOption((option) =>
  withText(option, commandTexts.quoteText).setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH),
);

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const hits = typed === '' ? [] : findParagraphs(context.index, typed, MAX_AUTOCOMPLETE_CHOICES);
  await interaction.respond(
    hits.slice(0, MAX_AUTOCOMPLETE_CHOICES).map((hit) => ({
      name: truncate(messages.paragraphChoice(hit.topic, hit.text), MAX_CHOICE_LENGTH),
      value: encodeParagraphRef(hit.unitId, hit.paragraph),
    })),
  );
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const target = findParagraph(context, interaction.options.getString(commandTexts.quoteText.name, true));
  if (target === undefined) {
    await interaction.reply(interactionReply({ content: messages.quoteNotFound }, true));
    return;
  }
  await sendQuote(interaction, context, target.unit, [target.paragraph]);
}

/** The paragraph a chosen autocomplete value names, or else the best paragraph for the typed text. */
function findParagraph(context: BotContext, value: string): { unit: AnswerUnit; paragraph: string } | undefined {
  const locate = (unitId: string, index: number) => {
    const unit = getUnit(context.index, unitId);
    const paragraph = unit?.paragraphs[index];
    return unit === undefined || paragraph === undefined ? undefined : { unit, paragraph };
  };
  const chosen = decodeParagraphRef(value);
  const fromChoice = chosen === null ? undefined : locate(resolveRef(context.index.file, chosen.ref), chosen.paragraph);
  if (fromChoice !== undefined) return fromChoice;
  const hit = findParagraphs(context.index, value, 1)[0];
  return hit === undefined ? undefined : locate(hit.unitId, hit.paragraph);
}
