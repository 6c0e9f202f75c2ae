import { styleText } from 'node:util';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

const plain: Style = { bold: (t) => t, dim: (t) => t, accent: (t) => t, warn: (t) => t };
const colour: Style = {
  bold: (t) => styleText('bold', t),
  dim: (t) => styleText('dim', t),
  accent: (t) => styleText('cyan', t),
  warn: (t) => styleText('yellow', t),
};

/** Colours only on an interactive terminal that allows them (NO_COLOR is honoured). */
export function styleFor(
  stream: NodeJS.WriteStream | NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): Style {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  return tty && !env.NO_COLOR ? colour : plain;
}

// Our own colours are SGR sequences (ESC [ … m); every other control character or escape sequence
// that a note or a pasted question carries would move the cursor, clear the screen or retitle the
// window, so it is dropped before anything reaches the terminal.
const controls = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print: tabs, newlines and colour sequences kept, other control characters removed. */
export function printable(text: string): string {
  return text.replace(controls, (match) => (match.length > 1 ? match : ''));
}
