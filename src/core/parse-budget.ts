import type { ParseBudget, ParsePool } from '../notes/parse-pool.js';
import type { NotesConfig } from './library.js';

/** The per-note parse budget the configuration gives (defaults as in config.ts). */
export const parseBudgetOf = (
  config: Pick<NotesConfig, 'NOTES_PARSE_BUDGET_MS' | 'NOTES_MAX_FILE_KB'>,
): ParseBudget => ({
  ms: config.NOTES_PARSE_BUDGET_MS ?? 2000,
  bytes: (config.NOTES_MAX_FILE_KB ?? 2048) * 1024,
});

/**
 * A parse pool whose first worker starts now, before the caller imports the loader and the
 * Markdown parser (a few hundred ms of compiling on this thread): the worker compiles its own copy
 * meanwhile, on the other core. Imports only the pool's own small module.
 */
export async function startedParsePool(
  config: Pick<NotesConfig, 'NOTES_PARSE_BUDGET_MS' | 'NOTES_MAX_FILE_KB'>,
): Promise<ParsePool> {
  const { ParsePool } = await import('../notes/parse-pool.js');
  const pool = new ParsePool(parseBudgetOf(config));
  pool.start();
  return pool;
}
