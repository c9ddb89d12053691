import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { commandTexts } from '../src/messages.js';
import { answerFor } from '../src/bot/answer-flow.js';
import { askerOfInteraction } from '../src/bot/asker.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { interactionReply } from '../src/bot/reply.js';

/** `/ask question: [public:]` — the official answer; only the asker sees it unless `public`. */
export const data = withText(new SlashCommandBuilder(), commandTexts.ask)
  .addStringOption((option) => withText(option, commandTexts.askQuestion).setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
  .addBooleanOption((option) => withText(option, commandTexts.askPublic));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const wantsPublic = interaction.options.getBoolean(commandTexts.askPublic.name) ?? false;
  const question = interaction.options.getString(commandTexts.askQuestion.name, true);
  const outcome = answerFor(context, askerOfInteraction(interaction, 'ask'), question, { publishable: !wantsPublic });
  // Only an answer goes public; refusals and "no answer found" stay between the bot and the asker.
  const ephemeral = !(wantsPublic && outcome.kind === 'answered');
  await interaction.reply(interactionReply(outcome.reply, ephemeral));
}
