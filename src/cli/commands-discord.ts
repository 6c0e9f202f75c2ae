import type { Command } from 'commander';
import type { CliContext } from './context.js';

export async function startBot(context: CliContext, _notesDir?: string): Promise<void> {
  context.err('The Discord bot is not available yet.');
  context.setExitCode(1);
}
export function addBot(_program: Command, _context: CliContext): void {}
export function addDeployCommands(_program: Command, _context: CliContext): void {}
