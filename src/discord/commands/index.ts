import type { CommandModule } from '../context.js';
import { askCommand } from './ask.js';
import { leaderboardCommand } from './leaderboard.js';
import { notesCommand } from './notes.js';
import { quizCommand } from './quiz.js';
import { quizStatsCommand } from './quiz-stats.js';
import { topicCommand } from './topic.js';

export const commands: CommandModule[] = [
  askCommand,
  topicCommand,
  quizCommand,
  quizStatsCommand,
  leaderboardCommand,
  notesCommand,
];
