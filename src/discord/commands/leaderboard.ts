import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext, CommandModule } from '../context.js';
import { colours } from '../render/embeds.js';
import { noPings } from '../respond.js';

const data = new SlashCommandBuilder()
  .setName('leaderboard')
  .setDescription('Top 10 of this server by correct quiz answers');

const medal = (rank: number) => ['🥇', '🥈', '🥉'][rank - 1] ?? `${rank}.`;

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const board = context.quiz.leaderboard(interaction.guildId ?? 'dm', interaction.user.id, 10);
  if (board.top.length === 0) {
    await interaction.reply({
      content: 'No quiz answers in this server yet. Start one with `/quiz`.',
      allowedMentions: noPings,
    });
    return;
  }
  // Mentions inside embeds render as names but never ping.
  const lines = board.top.map(
    (e) =>
      `${medal(e.rank)} <@${e.userId}> — **${e.correct}** correct · ${Math.round(e.accuracy * 100)}% of ${e.answered}`,
  );
  const own =
    board.own && board.own.rank > board.top.length
      ? `\n\nYou: #${board.own.rank} — ${board.own.correct} correct · ${Math.round(board.own.accuracy * 100)}%`
      : '';
  await interaction.reply({
    embeds: [{ title: 'Quiz leaderboard', description: lines.join('\n') + own, color: colours.quiz }],
    allowedMentions: noPings,
  });
}

export const leaderboardCommand: CommandModule = { data, execute };
