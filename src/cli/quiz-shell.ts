import type { Config } from '../config.js';
import type { Knowledge } from '../core/library.js';
import type { ShellCommand } from '../terminal/shell.js';

export async function quizShellCommand(_config: Config, _knowledge: Knowledge): Promise<{ commands: Record<string, ShellCommand>; close(): void }> {
  return { commands: {}, close: () => {} };
}
