import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { findParagraphs, getUnit } from '../src/search/index.js';
import { commandTexts, messages } from '../src/messages.js';
import { takeRateLimit } from '../src/bot/answer-flow.js';
import { truncate } from '../src/bot/answer-view.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { decodeParagraphRef, encodeParagraphRef, MAX_CUSTOM_ID_LENGTH, resolveRef } from '../src/bot/custom-id.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { sendQuote } from '../src/bot/components.js';
import { interactionReply } from '../src/bot/reply.js';

const MAX_CHOICES = 25;

/** `/quote text:` — posts one paragraph, found by its words (autocomplete), as a public block quote. */
export const data = withText(new SlashCommandBuilder(), commandTexts.quote).addStringOption((option) =>
  withText(option, commandTexts.quoteText).setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_LENGTH),
);

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const hits = typed === '' ? [] : findParagraphs(context.index, typed, MAX_CHOICES);
  await interaction.respond(
    hits.slice(0, MAX_CHOICES).map((hit) => ({
      name: truncate(messages.paragraphChoice(hit.topic, hit.text), MAX_CUSTOM_ID_LENGTH),
      value: encodeParagraphRef(hit.unitId, hit.paragraph),
    })),
  );
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const value = interaction.options.getString(commandTexts.quoteText.name, true);
  const chosen = decodeParagraphRef(value);
  // A chosen autocomplete value names the paragraph; typed text is searched for its best paragraph.
  const target =
    chosen !== null && getUnit(context.index, resolveRef(context.index.file, chosen.ref)) !== undefined
      ? { unitId: resolveRef(context.index.file, chosen.ref), paragraph: chosen.paragraph }
      : findParagraphs(context.index, value, 1)[0];
  const unit = target === undefined ? undefined : getUnit(context.index, target.unitId);
  const paragraph = target === undefined ? undefined : unit?.paragraphs[target.paragraph];
  if (unit === undefined || paragraph === undefined) {
    await interaction.reply(interactionReply({ content: messages.quoteNotFound }, true));
    return;
  }
  const refusal = takeRateLimit(context, interaction.user.id);
  if (refusal !== null) {
    await interaction.reply(interactionReply(refusal.reply, true));
    return;
  }
  await sendQuote(interaction, context, unit, [paragraph]);
}
