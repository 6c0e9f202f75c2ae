// Loops, not `/\/+$/`: a regex tried at every slash of a long run of them is quadratic.

/** Without trailing slashes. */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

/** Without leading or trailing slashes. */
export function trimSlashes(text: string): string {
  let start = 0;
  while (start < text.length && text[start] === '/') start++;
  return trimTrailingSlashes(text.slice(start));
}
