import { limits } from './limits.js';

/** custom_id = prefix + ":"-separated arguments; the router dispatches on the prefix. */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args].join(':');
  if (id.length > limits.customId) throw new Error(`custom_id too long (${id.length}): ${id.slice(0, 40)}…`);
  return id;
}

export function parseCustomId(id: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = id.split(':');
  return { prefix, args };
}
