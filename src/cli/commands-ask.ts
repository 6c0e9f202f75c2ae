import readline from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import type { Answer } from '../core/ask.js';
import { excerptMarkdown, jsonPieces, markdownLayout } from '../render/markdown-excerpt.js';
import { type Excerpt, excerptBlocks } from '../search/excerpt.js';
import { type CliContext, notesOption } from './context.js';

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 25) throw new InvalidArgumentError('expected a whole number from 1 to 25');
  return n;
};

/**
 * The excerpt's blocks with each mark's Discord Markdown as `raw` (see jsonPieces); a block shown
 * from its start with a list marker or quote bar also says which in `prefix`.
 */
const excerptBlocksJson = (excerpt: Excerpt): object[] =>
  excerptBlocks(excerpt).map(({ kind, fromStart, units, prefix }) => ({
    kind,
    fromStart,
    units: units.map((pieces, i) => jsonPieces({ pieces, prefix: i === 0 ? prefix : undefined })),
    ...(prefix && { prefix }),
  }));

/** The JSON shape other tools read: keep these keys and their order (new ones go last). */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    confident: answer.confident,
    results: answer.results.map((r) => ({
      id: r.id,
      title: r.title,
      headingPath: r.headingPath,
      file: r.file,
      anchor: r.anchor,
      url: r.url,
      score: r.score,
      excerpt: excerptMarkdown(r.excerpt),
      text: r.text,
      excerptBlocks: excerptBlocksJson(r.excerpt),
    })),
    answerLine: answer.answerLine ?? null,
    missing: answer.missing ?? [],
  });
}

export function addAsk(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('answer a question from the notes; without QUESTION, answer each line of stdin')
    .argument('[question...]', 'the question (quote it or not)')
    .option('--json', 'print one JSON object per question, one per line')
    .option('--limit <n>', 'how many sections to return (1-25)', positiveInt, 5)
    .addOption(notesOption())
    .action(async (words: string[], options: { json?: boolean; limit: number; notes?: string }) => {
      // Loaded here, not at start, so that `--help` and the other commands do not pay for them.
      const [{ ask }, { renderAnswer }, { styleFor }, { loadKnowledgeForCli }] = await Promise.all([
        import('../core/ask.js'),
        import('../terminal/render-answer.js'),
        import('../terminal/style.js'),
        import('./load-knowledge.js'),
      ]);
      const { knowledge } = await loadKnowledgeForCli(context, context.configFor(options.notes));
      const style = styleFor(context.output);
      const answerOne = (question: string): void => {
        // Sized as in Discord, so that `excerpt` stays what it always was.
        const answer = ask(knowledge.index, question, { limit: options.limit, layout: markdownLayout });
        context.out(options.json ? answerJson(answer) : renderAnswer(answer, style) + '\n');
      };
      if (words.length) {
        answerOne(words.join(' '));
        return;
      }
      const rl = readline.createInterface({ input: context.input, terminal: false });
      for await (const line of rl) if (line.trim()) answerOne(line);
    });
}
