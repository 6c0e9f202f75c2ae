import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { answerIndex } from '../../src/cli/quiz-shell.js';
import { runShell } from '../../src/terminal/shell.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const fixture = 'tests/fixtures/pipeline';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-terminal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('quiz answers typed in the terminal', () => {
  it('takes a letter or a number of an existing choice, and nothing else', () => {
    expect(answerIndex('b', 3)).toBe(1);
    expect(answerIndex(' C) ', 3)).toBe(2);
    expect(answerIndex('3', 3)).toBe(2);
    expect(answerIndex('dunno', 4)).toBe('invalid');
    expect(answerIndex('d', 3)).toBe('invalid');
    expect(answerIndex('4', 3)).toBe('invalid');
    expect(answerIndex('0', 3)).toBe('invalid');
    for (const stop of ['', 'q', 'Quit', 'stop', '/topic', undefined]) expect(answerIndex(stop, 3)).toBe('stop');
  });

  it('asks the same question again after a reply that is not a choice, and q stops at the prompt', () => {
    const run = runCli(['--notes', fixture], {
      input: '/quiz\ndunno\nq\nwhat is a widget\n',
      env: { QUIZ_DB: path.join(tmp, 'quiz.db') },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"dunno" is not one of the choices: answer A–C or 1–3, or q to stop');
    expect(run.stdout).not.toContain('skipping');
    expect(run.stdout).not.toMatch(/Correct|Not quite|Wrong/);
    expect(run.stdout).toContain('Quiz stopped.');
    // After the quiz the session goes on: the next line is a question again.
    expect(run.stdout).toContain('Introduction to Widgets');
  });
});

describe('the terminal session', () => {
  it('takes help, quit and exit without a slash, and prints no banner when piped', () => {
    const run = runCli(['--notes', fixture], { input: 'help\nquit\nhow do I launch a widget\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/topic [name]');
    expect(run.stdout).not.toContain('widget launch --fast');
    expect(run.stdout).not.toContain('Ask a question, or type /help');
    const exit = runCli(['--notes', fixture], { input: 'exit\nhow do I launch a widget\n' });
    expect(exit.stdout).toBe('');
  });

  it('stops quietly when the reader of its output goes away', () => {
    const run = spawnSync(
      'bash',
      [
        '-c',
        `yes 'how do I launch a widget' | head -300 | "${process.execPath}" --import tsx src/main.ts --notes ${fixture} | head -2`,
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DOTENV_CONFIG_PATH: '/nonexistent' },
        timeout: 60_000,
      },
    );
    expect(run.stdout.split('\n')).toHaveLength(3);
    expect(run.stderr).toBe('');
  });

  it('never passes control characters from notes or input to the terminal', () => {
    const notes = path.join(tmp, 'notes');
    fs.mkdirSync(notes, { recursive: true });
    fs.writeFileSync(
      path.join(notes, 'trap.md'),
      '# Trap\n\nGadgets \u001b]0;pwned\u0007hide \u001b[2Jhere and beep\u0007.\n',
    );
    const run = runCli(['--notes', notes], { input: '/topic trap\ngadgets hide \u001b[2J here\n' });
    expect(run.stdout).toContain('Trap');
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('says an unknown command is unknown and suggests the closest one', () => {
    const run = runCli(['aks', 'what is s3']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("unknown command 'aks'");
    expect(run.stderr).toContain('Did you mean ask?');
  });

  it('ends with "interrupted" on Ctrl-C at a TTY, also in the middle of a quiz', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    output.resume();
    let asked = false;
    const quiz = async (_args: string, { prompt }: { prompt(q: string): Promise<string | undefined> }) => {
      asked = true;
      return (await prompt('Your answer: ')) === undefined ? 'Quiz stopped.' : 'answered';
    };
    const session = runShell({ quiz }, { input, output });
    input.write('/quiz\r');
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('\u0003');
    await expect(session).resolves.toBe('interrupted');
    expect(asked).toBe(true);
  });
});
