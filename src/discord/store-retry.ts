/** A write lock held elsewhere (another process, a backup): worth waiting for, without blocking. */
export const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
  );
};

export const stillBusy = Symbol('still busy');

/**
 * Runs a store call, retrying asynchronously while the database is locked (50 ms doubling to
 * 1 s), so the event loop keeps serving. `onFirstWait` runs once before the first wait (defer
 * the interaction: Discord's 3 s deadline). After `budgetMs` it gives up with `stillBusy`.
 */
export async function retryWhileBusy<T>(
  run: () => T,
  onFirstWait: () => Promise<unknown>,
  budgetMs: number,
): Promise<T | typeof stillBusy> {
  const started = Date.now();
  let delay = 50;
  for (let attempt = 0; ; attempt++) {
    try {
      return run();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt === 0) await onFirstWait();
      if (Date.now() - started >= budgetMs) return stillBusy;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(1000, delay * 2);
    }
  }
}
