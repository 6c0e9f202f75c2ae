import { Option } from 'commander';
import type { Config } from '../config.js';
import { printable } from '../terminal/style.js';

/** What every command needs from the outside world; tests pass their own. */
/** `--notes <dir>`, the same on the program and every command that reads the notes. */
export const notesOption = (): Option => new Option('--notes <dir>', 'notes folder (default: NOTES_DIR, else ./notes)');

export interface CliContext {
  config: Config;
  configFor(notesDir?: string): Config;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  out(line: string): void;
  err(line: string): void;
  setExitCode(code: number): void;
}

export function createCliContext(
  config: Config,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; error: NodeJS.WritableStream },
): CliContext {
  return {
    config,
    configFor: (notesDir) => (notesDir ? { ...config, NOTES_DIR: notesDir } : config),
    input: io.input,
    output: io.output,
    out: (line) => void io.output.write(printable(line) + '\n'),
    err: (line) => void io.error.write(printable(line) + '\n'),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}
