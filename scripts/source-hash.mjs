// The hash of everything the build turns into dist/: the launcher runs dist/ only when it matches.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const stampFile = path.join(root, 'dist', '.source-hash');

function hashTree(dir, hash) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(full, hash);
    else if (entry.name.endsWith('.ts'))
      hash
        .update(`${path.relative(root, full)}\0`)
        .update(fs.readFileSync(full))
        .update('\0');
  }
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const dir of ['src', 'bench']) hashTree(path.join(root, dir), hash);
  // The bundle holds the dependencies too: a changed lock file means it is stale until rebuilt.
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/bundle.mjs']) {
    const full = path.join(root, file);
    hash.update(fs.existsSync(full) ? fs.readFileSync(full) : `no ${file}`);
  }
  return hash.digest('hex');
}
