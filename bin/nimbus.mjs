#!/usr/bin/env node
// What `npm start` and `npm run nimbus` run: the bundle in dist/bundle/ (`npm run build`, also run
// by `npm ci`) when it was built from the sources as they are now; else the TypeScript sources
// through tsx, as before the build step existed (slower to start, same behaviour).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, sourceHash, stampFile } from '../scripts/source-hash.mjs';

let built = false;
try {
  built = fs.readFileSync(stampFile, 'utf8').trim() === sourceHash();
} catch {
  built = false;
}
if (built) {
  await import(pathToFileURL(path.join(root, 'dist', 'bundle', 'main.js')).href);
} else {
  if (process.stderr.isTTY) process.stderr.write('nimbus: dist/ is missing or older than src/, running the sources through tsx (npm run build starts faster).\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'main.ts')).href);
}
