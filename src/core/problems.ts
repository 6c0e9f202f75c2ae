export const formatProblem = (p: { file: string; line: number; message: string }): string => `${p.file}:${p.line}: ${p.message}`;
