// markdown-it's `escape` inline rule makes each backslash escape a token of its own (`text_special`)
// that the `text_join` core rule later merges back into the text around it: two tokens and a
// join per backslash, and the SageMaker guide writes 148,000 of them (`Built\-in`, `\_`). This
// rule gives the same tokens in the end by adding the escaped character to the pending text, as
// the `text` rule adds plain characters.

interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  pending: string;
}

type InlineRule = (state: InlineState, silent: boolean) => boolean;

/** The characters CommonMark lets a backslash escape (all ASCII punctuation; never a space). */
const escapable = new Set('\\!"#$%&\'()*+,./:;<=>?@[]^_`{|}~-');

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
    const escaped = src[pos + 1]!;
    if (!escapable.has(escaped)) return original(state, silent);
    if (!silent) state.pending += escaped;
    state.pos = pos + 2;
    return true;
  };
}
