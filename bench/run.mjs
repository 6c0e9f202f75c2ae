// `npm run bench`: the engines' speed and memory (bench.ts, which takes every flag: --quick, --only,
// --query-seconds), the Discord round trip (roundtrip.ts), an answer over a 100,000-word section
// against a normal one, bounded and unbounded (huge-section.ts), Markdown parse speed (parse.ts) and
// start-up (startup.ts, --quick), in one run. Each part runs in its own process so that one part's
// heap does not skew another's figures.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick') ? ['--quick'] : [];
const parts = [
  [
    '--expose-gc',
    '--max-semi-space-size=64',
    '--max-old-space-size=8192',
    '--import',
    'tsx',
    'bench/bench.ts',
    ...args,
  ],
  ['--import', 'tsx', 'bench/roundtrip.ts'],
  ['--import', 'tsx', 'bench/huge-section.ts'],
  ['--import', 'tsx', 'bench/huge-section.ts', '--unbounded'],
  ['--import', 'tsx', 'bench/parse.ts'],
  ['scripts/build.mjs'],
  ['--import', 'tsx', 'bench/startup.ts', ...quick],
];
for (const part of parts) {
  const result = spawnSync(process.execPath, part, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
