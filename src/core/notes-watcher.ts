import fs from 'node:fs';

/**
 * Calls `onChange` once a burst of changes below `dir` has settled (`quietMs` without another),
 * ignoring .git. Returns a function that stops watching. A watcher that fails (the folder removed,
 * the system's watch limit reached) is reported through `onError` and stops; SIGHUP and
 * `/notes reload` still work.
 */
export function watchNotes(
  dir: string,
  onChange: () => void,
  onError: (error: Error) => void,
  quietMs = 300,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(dir, { recursive: true, persistent: false }, (_event, file) => {
      if (file && /(^|[\\/])\.git([\\/]|$)/.test(String(file))) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, quietMs);
      timer.unref();
    });
  } catch (error) {
    onError(error as Error);
    return () => {};
  }
  watcher.on('error', (error) => {
    watcher.close();
    onError(error);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
