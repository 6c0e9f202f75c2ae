import readline from 'node:readline';
import { ask } from '../core/ask.js';
import type { Knowledge } from '../core/library.js';
import { listTopics, openTopic } from '../core/topics.js';
import { renderAnswer } from './render-answer.js';
import { markdownLayout } from '../render/markdown-excerpt.js';
import { renderNote, renderTopicList } from './render-topics.js';
import { printable, styleFor, type Style } from './style.js';

export interface ShellIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** A command of the terminal session; returns what to print (or nothing). */
export type ShellCommand = (args: string, context: ShellContext) => Promise<string | undefined> | string | undefined;

interface ShellContext {
  style: Style;
  /** Reads one more line from the user (for commands that ask back, like /quiz). */
  prompt(question: string): Promise<string | undefined>;
}

const help = `Commands:
  <question>        ask the notes (same as /ask)
  /ask <question>   the best matching sections, with an excerpt and a link
  /topic [name]     list the notes, or open one by name
  /quiz [topic]     a question from the notes; answer with its number or letter
  /help             this list
  /quit             leave (Ctrl-D works too)
help, quit and exit work without the slash.`;

/** `notes`: the notes in use, or a function giving them when they reload while the session runs. */
export function shellCommands(
  notes: Knowledge | (() => Knowledge),
  extra: Record<string, ShellCommand> = {},
): Record<string, ShellCommand> {
  const current = typeof notes === 'function' ? notes : () => notes;
  return {
    help: () => help,
    ask: (args, { style }) => renderAnswer(ask(current().index, args, { layout: markdownLayout }), style),
    topic: (args, { style }) =>
      args.trim()
        ? renderNote(openTopic(current().library, args), style)
        : renderTopicList(listTopics(current().library), style),
    ...extra,
  };
}

// Typed without a slash these are commands too: nobody asks the notes "exit".
const bareCommands = new Set(['help', 'quit', 'exit']);

/** How a session ended: at the end of input or /quit, or by Ctrl-C (the caller exits 130). */
export type ShellEnd = 'done' | 'interrupted';

/**
 * The terminal session. Interactive on a TTY; when piped it prints plain text, with no banner or
 * prompt decoration, and exits at the end of input.
 */
export async function runShell(
  commands: Record<string, ShellCommand>,
  io: ShellIO,
  banner?: string,
): Promise<ShellEnd> {
  const tty = 'isTTY' in io.output && (io.output as NodeJS.WriteStream).isTTY === true;
  const style = styleFor(io.output);
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: tty });
  let end: ShellEnd = 'done';
  // On a TTY readline reads Ctrl-C as a key: end the session (a quiz included) as a signal would.
  rl.on('SIGINT', () => {
    end = 'interrupted';
    io.output.write('\n');
    rl.close();
  });
  const lines = rl[Symbol.asyncIterator]();
  const write = (text: string): void => void io.output.write(printable(text.endsWith('\n') ? text : text + '\n'));
  const prompt = async (question: string): Promise<string | undefined> => {
    if (tty) io.output.write(printable(question));
    else if (question) write(question);
    const next = await lines.next();
    return next.done ? undefined : printable(next.value);
  };
  if (banner && tty) write(banner);
  try {
    for (;;) {
      const line = await prompt(tty ? 'nimbus> ' : '');
      if (line === undefined) break;
      const input = line.trim();
      if (!input) continue;
      const match = /^\/(\S+)\s*(.*)$/s.exec(input);
      const bare = bareCommands.has(input.toLowerCase()) ? input.toLowerCase() : undefined;
      const [name, args] = match ? [match[1]!.toLowerCase(), match[2]!] : [bare ?? 'ask', bare ? '' : input];
      if (name === 'quit' || name === 'exit') break;
      const command = commands[name];
      if (!command) {
        write(`Unknown command /${name}. Type /help for the list.`);
        continue;
      }
      try {
        const out = await command(args, { style, prompt });
        if (out) write(out);
      } catch (error) {
        write(style.warn(`Something went wrong: ${(error as Error).message}`));
      }
    }
  } finally {
    rl.close();
  }
  return end;
}
