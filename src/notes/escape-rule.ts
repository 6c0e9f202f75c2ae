// markdown-it's `escape` inline rule makes each backslash escape a token of its own (`text_special`)
// that the `text_join` core rule later merges back into the text around it: two tokens and a
// join per backslash, and the SageMaker guide writes 148,000 of them (`Built\-in`, `\_`). This
// rule gives the same tokens in the end by adding the escaped character to the pending text, as
// the `text` rule adds plain characters.

import { isMdAsciiPunct } from 'markdown-it/lib/common/utils.mjs';

interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  pending: string;
}

type InlineRule = (state: InlineState, silent: boolean) => boolean;

/**
 * An escaped punctuation character joins the pending text; everything else (a backslash before a
 * line break, which is a hard break, or before any other character) is left to markdown-it's own
 * rule, `original`. The escaped character is never a space, so the `newline` rule, which trims
 * the spaces that end the pending text, trims the same spaces as before.
 */
export function escapeAsText(original: InlineRule): InlineRule {
  return (state, silent) => {
    const { src, pos } = state;
    if (src.charCodeAt(pos) !== 0x5c || pos + 1 >= state.posMax) return original(state, silent);
    // What CommonMark lets a backslash escape: ASCII punctuation, never a space.
    if (!isMdAsciiPunct(src.charCodeAt(pos + 1))) return original(state, silent);
    if (!silent) state.pending += src[pos + 1]!;
    state.pos = pos + 2;
    return true;
  };
}
