import fs from 'node:fs';
import path from 'node:path';

/** True when `real` (a resolved path) is `root` or lies below it. */
export function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Reads a file from the notes folder only if it is a regular file whose real path stays inside
 * `rootReal`. A symbolic link out of the folder (`tips.md -> ../.env`) would publish whatever it
 * points at, and a FIFO or device (`_meta.json -> /dev/zero`) would hang or flood start-up, so both
 * are refused with an error that says why. The file is opened non-blocking and checked on the open
 * descriptor, so a file swapped for a FIFO after the folder was listed cannot hang the read either.
 */
export function readNotesFile(absolute: string, rootReal: string, maxBytes: number): Buffer {
  // The system's realpath: the JavaScript one checks each folder of the path (1 % of a cold load).
  const real = fs.realpathSync.native(absolute);
  if (!isInside(rootReal, real))
    throw new Error('symbolic link to a file outside the notes folder; refused (not read)');
  const fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`not a regular file (${kindOf(stat)}); refused (not read)`);
    if (stat.size > maxBytes) {
      throw new Error(
        `file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit; skipped`,
      );
    }
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}
