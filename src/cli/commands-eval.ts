import type { Command } from 'commander';
import type { CliContext } from './context.js';

export function addEval(program: Command, context: CliContext): void {
  program
    .command('eval')
    .description(
      'answer quality of Nimbus and of baseline engines on the eval question sets (needs the dev dependencies)',
    )
    .option('--misses', "list Nimbus's misses on the tune split")
    .option('--json', 'print one JSON object per corpus, split and engine')
    .action(async (options: { misses?: boolean; json?: boolean }) => {
      // The harness and its baselines (lunr, FlexSearch, Orama) are dev dependencies.
      let runEval: typeof import('../../bench/eval.js').runEval;
      try {
        ({ runEval } = await import('../../bench/eval.js'));
      } catch {
        context.err(
          'nimbus eval needs the development install: run "npm ci" (not --omit=dev) in a clone of the repository.',
        );
        context.setExitCode(1);
        return;
      }
      runEval({ misses: options.misses, json: options.json, out: context.out });
    });
}
