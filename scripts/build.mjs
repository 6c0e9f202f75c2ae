// `npm run build` (and `npm ci`, through `prepare`): compiles src/ and bench/ to plain JavaScript in
// dist/ with tsc, bundles src/ into dist/bundle/ (what `npm start` runs, see bundle.mjs) and stamps
// dist/ with the hash of the sources it came from.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundle, bundleDir } from './bundle.mjs';
import { root, sourceHash, stampFile } from './source-hash.mjs';

let tsc;
try {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  tsc = path.join(typescript, 'bin', 'tsc');
} catch {
  // A production install (npm ci --omit=dev) has no compiler: npm start runs the sources through tsx.
  console.error(
    'nimbus build: TypeScript is not installed (production install?); npm start will run src/ through tsx.',
  );
  process.exit(0);
}
const hash = sourceHash();
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  console.error('nimbus build: tsc failed; nothing was written to dist/, so npm start runs src/ through tsx.');
  // During `npm ci` (prepare) a type error must not fail the install: the type check reports it.
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : (result.status ?? 1));
}
try {
  await bundle(root, bundleDir(root));
} catch (error) {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  console.error(
    `nimbus build: bundling failed (${error.message}); nothing was written to dist/, so npm start runs src/ through tsx.`,
  );
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}
fs.writeFileSync(stampFile, hash + '\n');
