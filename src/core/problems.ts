/** `file:line: message`; warnings say so after the position. */
export const formatProblem = (p: { file: string; line: number; message: string; severity?: string }): string =>
  `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;

export const isError = (p: { severity?: string }): boolean => p.severity !== 'warning';

/** A notes folder that does not exist, is a file or holds no notes: nothing to serve. */
export class NotesFolderError extends Error {}
