import { ConfigError, loadConfig } from './config.js';
import { NotesFolderError } from './core/library.js';
import { buildProgram } from './cli/program.js';
import { createCliContext } from './cli/context.js';

// `nimbus ask … | head -2` closes our stdout early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const config = loadConfig();
  const context = createCliContext(config, { input: process.stdin, output: process.stdout, error: process.stderr });
  await buildProgram(context).parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof NotesFolderError) {
    process.stderr.write(`nimbus: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
