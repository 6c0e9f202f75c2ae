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
export function styleFor(stream: NodeJS.WriteStream | NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Style {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  return tty && !env.NO_COLOR ? colour : plain;
}
