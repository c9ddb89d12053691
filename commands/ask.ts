import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { archiveCommandTexts, archiveMessages, commandTexts } from '../src/messages.js';
import { newestYearOf, parsePeriod } from '../src/search/index.js';
import { answerFor } from '../src/bot/answer-flow.js';
import { askerOfInteraction } from '../src/bot/asker.js';
import { withText, type BotContext } from '../src/bot/command.js';
import { MAX_QUESTION_LENGTH } from '../src/bot/question-input.js';
import { interactionReply } from '../src/bot/reply.js';

/** Longest 时间 option: a range of years in words (2019年至2021年) with room to spare. */
const MAX_PERIOD_LENGTH = 20;

/** `/ask question: [public:] [时间:]` — the official answer (of those years, with 时间); only the asker sees it unless `public`. */
export const data = withText(new SlashCommandBuilder(), commandTexts.ask)
  .addStringOption((option) => withText(option, commandTexts.askQuestion).setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
  .addBooleanOption((option) => withText(option, commandTexts.askPublic))
  .addStringOption((option) => withText(option, archiveCommandTexts.askTime).setMaxLength(MAX_PERIOD_LENGTH));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const wantsPublic = interaction.options.getBoolean(commandTexts.askPublic.name) ?? false;
  const question = interaction.options.getString(commandTexts.askQuestion.name, true);
  const time = interaction.options.getString(archiveCommandTexts.askTime.name);
  const period = time === null ? undefined : parsePeriod(time, newestYearOf(context.index));
  if (time !== null && period === null) {
    await interaction.reply(interactionReply({ content: archiveMessages.badPeriod(time) }, true));
    return;
  }
  const outcome = answerFor(context, askerOfInteraction(interaction, 'ask'), question, { publishable: !wantsPublic, ...(period ? { period } : {}) });
  // Only an answer goes public; refusals and "no answer found" stay between the bot and the asker.
  const ephemeral = !(wantsPublic && outcome.kind === 'answered');
  await interaction.reply(interactionReply(outcome.reply, ephemeral));
}
