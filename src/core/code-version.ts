import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The sources and tsc's output: src/ (this file is in src/core/); the bundle: its one folder of chunks.
const runningCode = path.basename(here) === 'bundle' ? here : path.resolve(here, '..');

function packageRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function hashTree(codeRoot: string, dir: string, hash: ReturnType<typeof createHash>): void {
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(codeRoot, full, hash);
    else if (/\.(?:[cm]?js|ts)$/.test(entry.name))
      hash
        .update(`${path.relative(codeRoot, full)}\0`)
        .update(fs.readFileSync(full))
        .update('\0');
  }
}

/**
 * A hash of the code that is running (every source or built file), the locked dependency versions
 * and Node's version. Saved caches carry it, so any change to Nimbus, even one that adds a field to
 * sections, makes them rebuild instead of handing back data in an old shape. About 5 ms.
 */
export function codeVersion(codeRoot = runningCode): string {
  const hash = createHash('sha256').update(`node ${process.versions.node} v8 ${process.versions.v8}\0`);
  hashTree(codeRoot, codeRoot, hash);
  const root = packageRoot(codeRoot);
  for (const name of ['package.json', 'package-lock.json']) {
    const file = root ? path.join(root, name) : undefined;
    if (file && fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}
