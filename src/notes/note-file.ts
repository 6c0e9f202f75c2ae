const noteExtension = /\.mdx?$/i;

/** Whether a file name or path is a note: Markdown or MDX, in any case. */
export const isNoteFile = (name: string): boolean => noteExtension.test(name);

/** The file name or path without its note extension (`.md`, `.mdx`). */
export const withoutNoteExtension = (name: string): string => name.replace(noteExtension, '');
