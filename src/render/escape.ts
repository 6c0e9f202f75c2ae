/** Escapes characters Discord would read as inline Markdown in plain text. */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, '\\$&');
}

/** Escapes what Discord would read as a heading, quote or list marker at the start of a line. */
export function escapeLineStart(md: string): string {
  return md.replace(/^(\s*)([>#-]|\d+\.)/, '$1\\$2');
}
