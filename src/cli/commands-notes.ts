import type { Command } from 'commander';
import type { loadLibrary as LoadLibrary, NotesConfig } from '../core/library.js';
import { startedParsePool } from '../core/parse-budget.js';
import { formatProblem, isError } from '../core/problems.js';
import type { ParsePool } from '../notes/parse-pool.js';
import { type CliContext, notesOption } from './context.js';

export function addStats(program: Command, context: CliContext): void {
  program
    .command('stats')
    .description('count the notes, sections, words and quiz questions, and list problems')
    .option('--json', 'print one JSON object')
    .addOption(notesOption())
    .action(async (options: { json?: boolean; notes?: string }) => {
      const config = context.configFor(options.notes);
      const pool = await startedParsePool(config);
      // The Markdown parser loads only for the commands that parse.
      const [{ loadLibrary }, { generateQuestions }] = await Promise.all([
        import('../core/library.js'),
        import('../quiz/generate/index.js'),
      ]);
      const library = loadAndClose(loadLibrary, config, pool);
      const stats = {
        files: library.files,
        notes: library.notes.length,
        sections: library.sections.length,
        words: library.notes.reduce((sum, n) => sum + n.words, 0),
        quizQuestions: library.quiz.length,
        errors: library.problems.map(formatProblem),
        loadMs: Math.round(library.loadMs),
        generatedQuestions: generateQuestions(library.notes, config.QUIZ_GENERATED_KINDS).length,
      };
      if (options.json) context.out(JSON.stringify(stats));
      else {
        context.out(
          `${stats.files} files, ${stats.notes} notes, ${stats.sections} sections, ${stats.words} words, ${stats.quizQuestions} quiz questions, ${stats.generatedQuestions} generated; loaded in ${stats.loadMs} ms`,
        );
        if (stats.errors.length) context.out(`${stats.errors.length} problem(s): run "nimbus check" to list them`);
      }
    });
}

export function addCheck(program: Command, context: CliContext): void {
  program
    .command('check')
    .description(
      'validate every note; prints each problem as file:line: message (warnings as file:line: warning: message) and exits 1 on errors',
    )
    .option('--json', 'print the problems as a JSON array')
    .option('--strict', 'exit 1 on warnings too')
    .addOption(notesOption())
    .action(async (options: { json?: boolean; strict?: boolean; notes?: string }) => {
      const config = context.configFor(options.notes);
      const pool = await startedParsePool(config);
      // The Markdown parser loads only for the commands that parse.
      const { loadLibrary } = await import('../core/library.js');
      const library = loadAndClose(loadLibrary, config, pool);
      const errors = library.problems.filter(isError).length;
      const warnings = library.problems.length - errors;
      if (options.json)
        context.out(JSON.stringify(library.problems.map((p) => ({ ...p, severity: p.severity ?? 'error' }))));
      else {
        for (const problem of library.problems) context.out(formatProblem(problem));
        const summary = `${library.files} files checked (${library.layout ?? 'plain'} layout${library.language ? `, language ${library.language}` : ''}), ${errors} error(s), ${warnings} warning(s)`;
        if (errors || (options.strict && warnings)) context.err(summary);
        else context.out(summary);
      }
      if (errors || (options.strict && warnings)) context.setExitCode(1);
    });
}

/** Loads the notes on a pool started before the loader was imported, and stops its workers. */
function loadAndClose(load: typeof LoadLibrary, config: NotesConfig, pool: ParsePool): ReturnType<typeof LoadLibrary> {
  try {
    return load(config, undefined, pool);
  } finally {
    pool.close();
  }
}
