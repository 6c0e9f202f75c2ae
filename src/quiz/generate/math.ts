/**
 * LaTeX in notes (`$A^{-1}$`, `$$AB = BA = I_n$$`) as plain text a card can show: Discord and the
 * terminal render no math, so `$n \times n$` would reach the reader as code. Common commands become
 * their symbols (× ≠ ≤ … ⁻¹ ᵀ), grouping braces go; a formula that still holds a command or a brace
 * after that (`\begin{bmatrix}`, `\underbrace{…}_{…}`) is not readable as text, and the caller
 * asks nothing from it. Every pattern is a fixed word or a brace-free group: linear time.
 */

const symbols: [RegExp, string][] = [
  [/\\(?:colorbox|fcolorbox)\{[a-z]+\}/g, ''],
  [/\\(?:boxed|mathbf|mathrm|mathit|mathcal|mathbb|operatorname|textbf|text|bm|vec)\s*\{([^{}$]*)\}/g, '$1'],
  [/\^\{\s*-1\s*\}|\^-1\b/g, '⁻¹'],
  [/\^\{?T\}?(?![A-Za-z])/g, 'ᵀ'],
  [/\\times\b/g, '×'],
  [/\\cdot\b/g, '·'],
  [/\\(?:cdots|ldots|dots|vdots)\b/g, '…'],
  [/\\(?:neq|ne)\b/g, '≠'],
  [/\\(?:leq|le)\b/g, '≤'],
  [/\\(?:geq|ge)\b/g, '≥'],
  [/\\in\b/g, '∈'],
  [/\\notin\b/g, '∉'],
  [/\\mid\b/g, '|'],
  [/\\equiv\b/g, '≡'],
  [/\\(?:rightarrow|to)\b/g, '→'],
  [/\\Rightarrow\b/g, '⇒'],
  [/\\(?:iff|Leftrightarrow)\b/g, '⇔'],
  [/\\lambda\b/g, 'λ'],
  [/\\alpha\b/g, 'α'],
  [/\\beta\b/g, 'β'],
  [/\\mu\b/g, 'μ'],
  [/\\sum\b/g, 'Σ'],
  [/\\det\b/g, 'det'],
  [/\\(?:quad|qquad|,|;|!|\s)/g, ' '],
  [/\\(?:checkmark|square|blacksquare|qed)\b/g, ''],
  [/\\left|\\right/g, ''],
];

const subscripts: Record<string, string> = Object.fromEntries(
  [...'0123456789aeijkmnoprstuvx'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉ₐₑᵢⱼₖₘₙₒₚᵣₛₜᵤᵥₓ'][i]!]),
);

/** A fraction's part: bare when it is one token ("1/c"), in parentheses otherwise ("(n+1)/2"). */
const group = (s: string): string => (/^\s*[\w.]+\s*$/.test(s) ? s.trim() : `(${s.trim()})`);

/** A formula's text without its `$` delimiters as plain text, or undefined when it stays LaTeX. */
function readableFormula(tex: string): string | undefined {
  // Set braces ("\\{u\\}") stay; grouping braces go.
  let text = tex.replace(/\\\{/g, '\u0001').replace(/\\\}/g, '\u0002');
  // Twice: a \mathbf inside a \colorbox group unwraps on the second pass.
  for (let pass = 0; pass < 2; pass++) {
    for (const [pattern, replacement] of symbols) text = text.replace(pattern, replacement);
    text = text.replace(
      /\\d?frac\s*\{([^{}$]*)\}\s*\{([^{}$]*)\}/g,
      (_, a: string, b: string) => `(${group(a)}/${group(b)})`,
    );
  }
  // Single-character groups ("_{n}", "^{k}") lose their braces.
  text = text
    .replace(/_\{([0-9a-z]{1,4})\}/g, (m, g: string) =>
      [...g].every((c) => subscripts[c]) ? [...g].map((c) => subscripts[c]).join('') : m,
    )
    .replace(/([_^])\{([^{}\s])\}/g, '$1$2')
    .replace(/([_^])\{([^{}]*)\}/g, '$1($2)')
    .replace(/\{([^{}]*)\}/g, '$1')
    .replace(/_(\d)/g, (_, c: string) => subscripts[c]!)
    .replace(/_([aeijkmnoprstuvx])(?![A-Za-z0-9])/g, (_, c: string) => subscripts[c]!);
  if (/\\[A-Za-z]|[{}\\]/.test(text)) return undefined;
  return text
    .replace(/\u0001/g, '{')
    .replace(/\u0002/g, '}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text split at its `$` signs: prose at even places, formulas at odd ones. */
function mathParts(text: string): string[] {
  // "\\colorbox{yellow}{$AB = I$}" inside display math: the highlight goes, its formula stays.
  return text
    .replace(/\\f?colorbox\{[a-z]+\}\{\$([^$]*)\$\}/g, '$1')
    .replaceAll('$$', '$')
    .split('$');
}

/** The text without its formulas: what to read for pronouns, pointers and the author's voice. */
export const proseOf = (text: string): string =>
  mathParts(text)
    .filter((_, i) => i % 2 === 0)
    .join(' ');

/**
 * A text with its `$…$` and `$$…$$` formulas made plain, or undefined when one cannot be. A text
 * without math comes back as it is.
 */
export function readableMath(text: string): string | undefined {
  if (!text.includes('$')) return text;
  const parts = mathParts(text);
  // An odd number of `$` signs: a price or a stray sign, not math the card can rewrite.
  if (parts.length % 2 === 0) return undefined;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      out += parts[i];
      continue;
    }
    const formula = readableFormula(parts[i]!);
    if (formula === undefined) return undefined;
    out += formula;
  }
  return out.replace(/\s+/g, ' ').trim();
}
