// The production bundle (part of `npm run build`): src/ and its dependencies as a few large ES
// module files in one folder, so that the bot starts from some 40 files instead of resolving and
// compiling the ~1,270 small modules of discord.js, zod, pino and the rest one by one.
// Entries: the CLI and the two worker threads, which parse-pool.ts and live-notes.ts find next to
// the chunk that starts them (`new URL('./parse-worker.js', import.meta.url)`). Modules loaded with
// `import()` (discord.js for the bot, the Markdown parser, the eval engines) stay separate chunks
// that load only when used.
import path from 'node:path';

/** Bundles into `outdir` (its name should be `bundle`: code-version.ts hashes that folder). */
export async function bundle(root, outdir) {
  // Loaded here: a production install (no devDependencies) never bundles, and never needs it.
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'src/main.ts',
      'parse-worker': 'src/notes/parse-worker.ts',
      'reload-worker': 'src/core/reload-worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Loaded from node_modules as they are: a native addon, and a package whose export is the path
    // of a data file next to its own (bundled, that path would point into dist/bundle/).
    external: ['better-sqlite3', 'word-list'],
    // Smaller source compiles faster; names are kept so that stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
    // CommonJS dependencies call require() for Node's own modules; an ES module has none of its own.
    banner: {
      js: "import { createRequire as __nimbusCreateRequire } from 'node:module'; const require = __nimbusCreateRequire(import.meta.url);",
    },
  });
}

export const bundleDir = (root) => path.join(root, 'dist', 'bundle');
