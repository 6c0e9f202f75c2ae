import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { quizShellCommand } from '../../src/cli/quiz-shell.js';
import { parseConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/core/library.js';
import { runShell, shellCommands } from '../../src/terminal/shell.js';

/** Runs the terminal session over the lines given, returns everything it printed. */
async function session(notesDir: string, lines: string[], env: Record<string, string> = {}): Promise<string> {
  const dir = tempDir('nimbus-quiz-shell');
  const config = parseConfig({ NOTES_DIR: notesDir, QUIZ_DB: path.join(dir, 'quiz.db'), ...env });
  const knowledge = loadKnowledge(config);
  const quiz = await quizShellCommand(config, knowledge);
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  input.end(lines.join('\n') + '\n');
  try {
    await runShell(shellCommands(knowledge, quiz.commands), { input, output });
  } finally {
    quiz.close();
  }
  return printed;
}

const generatedFixture = path.resolve(import.meta.dirname, '../fixtures/quiz-generate');

describe('terminal /quiz', () => {
  it('quizzes on generated questions by a topic /topic knows (last route part, close spelling)', async () => {
    // Multiple-choice kinds only, so that '1' and '2' answer a choice (acronyms are self-graded cards).
    const out = await session(generatedFixture, ['/quiz objects', '1', 'q', '/quiz blok', '2', 'q'], {
      QUIZ_GENERATED_KINDS: 'table,steps',
    });
    expect(out).toContain('Quiz · Object storage');
    expect(out).toContain('Quiz · Block and file storage');
    expect(out).toMatch(/Correct!|Not quite: the answer is/);
    expect(out).not.toContain('undefined');
  });

  it('shows a self-graded card on Enter and asks whether you knew it', async () => {
    // The two Anki cards of this note have no answers of their kind to choose from.
    const flashcards = path.resolve(import.meta.dirname, '../fixtures/flashcards');
    const out = await session(flashcards, ['/quiz anki', '', 'y', '', 'n', '/quit']);
    expect(out).toContain('Press Enter to see the answer');
    expect(out).toMatch(/Answer: (Identity and Access Management|Amazon CloudFront)/);
    expect(out).toContain('Did you know it?');
  });

  it('names the topics, never "undefined", when there is nothing to ask', async () => {
    const out = await session(generatedFixture, ['/quiz kubernetes', '/quiz'], { QUIZ_SOURCE: 'written' });
    expect(out).toContain('No quiz questions for "kubernetes". Topics: cards');
    const empty = await session(generatedFixture, ['/quiz'], {
      QUIZ_SOURCE: 'written',
      NOTES_DIR: path.join(generatedFixture, 'storage'),
    });
    expect(empty).toContain('There are no quiz questions in these notes yet.');
    expect(empty).not.toContain('undefined');
  });
});
