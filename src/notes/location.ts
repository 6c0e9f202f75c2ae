/** Where a section is in the notes folder: `file:line`. */
export const fileLine = (s: { file: string; line: number }): string => `${s.file}:${s.line}`;

/**
 * Where to read a section or note: its URL, else (no NOTES_BASE_URL) its file, with the line
 * when known, so people can still find it.
 */
export const sectionLocation = (s: { url: string | null; file: string; line?: number }): string =>
  s.url ?? (s.line === undefined ? s.file : fileLine({ file: s.file, line: s.line }));
