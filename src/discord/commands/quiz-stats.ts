import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, CommandModule } from '../context.js';
import { colours } from '../render/embeds.js';
import { noPings } from '../respond.js';

const data = new SlashCommandBuilder()
  .setName('quiz-stats')
  .setDescription('Quiz results in this server')
  .addUserOption((o) => o.setName('user').setDescription('Whose results (default: yours)'));

const percent = (correct: number, answered: number) => (answered ? `${Math.round((100 * correct) / answered)}%` : '—');

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const user = interaction.options.getUser('user') ?? interaction.user;
  const stats = context.quiz.stats(interaction.guildId ?? 'dm', user.id);
  const server = stats.answered
    ? `**${stats.correct}** correct of **${stats.answered}** answered (${percent(stats.correct, stats.answered)})\nCurrent streak: **${stats.streak}** · best streak: **${stats.bestStreak}**`
    : `<@${user.id}> has not answered a quiz question in this server yet. Try \`/quiz\`.`;
  // Personal review is the user's own business: shown only to themselves.
  const { review } = stats;
  const own =
    user.id === interaction.user.id && (review.answered > 0 || review.due > 0)
      ? `\n\nPersonal review: **${review.correct}** correct of **${review.answered}** answered · **${review.due}** due now (\`/quiz private:true\`)`
      : '';
  const description = server + own;
  await interaction.reply({
    embeds: [{ title: `Quiz stats · ${user.displayName}`.slice(0, 256), description, color: colours.quiz }],
    allowedMentions: noPings,
  });
}

export const quizStatsCommand: CommandModule = { data, execute };
