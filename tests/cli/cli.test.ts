import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = 'tests/fixtures/pipeline';

describe('nimbus CLI', () => {
  it('stats --json prints the documented object', () => {
    const run = runCli(['stats', '--json', '--notes', fixture]);
    expect(run.status).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(Object.keys(stats)).toEqual([
      'files',
      'notes',
      'sections',
      'words',
      'quizQuestions',
      'errors',
      'loadMs',
      'generatedQuestions',
    ]);
    expect(stats).toMatchObject({ files: 7, notes: 7, quizQuestions: 2 });
    expect(stats.errors).toContain('guide/empty.md:1: warning: note has no content');
    expect(typeof stats.loadMs).toBe('number');
  });

  it('takes --notes before the command too, and refuses it for a command that reads no notes', () => {
    const before = runCli(['--notes', fixture, 'stats', '--json']);
    expect(before.status).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ files: 7, quizQuestions: 2 });
    // The command's own --notes is the more specific one.
    const both = runCli(['--notes', 'no/such/folder', 'stats', '--json', '--notes', fixture]);
    expect(JSON.parse(both.stdout)).toMatchObject({ files: 7 });
    const evalRun = runCli(['--notes', fixture, 'eval']);
    expect(evalRun.status).toBe(1);
    expect(evalRun.stderr).toContain('--notes does not apply to "eval" (it reads no notes)');
  }, 120_000);

  it('check prints file:line: message for each problem and exits 1', () => {
    const run = runCli(['check', '--notes', fixture]);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toContain(
      'guide/bad-quiz.md:7: quiz question 1: answer "everywhere" is not among its choices',
    );
    expect(run.stdout.split('\n')).toContain('guide/empty.md:1: warning: note has no content');
    expect(run.stderr).toContain('7 files checked (nextra layout), 7 error(s), 3 warning(s)');
  });

  it('check exits 0 when only warnings remain, and 1 with --strict', () => {
    const dir = tempDir('nimbus-warn');
    fs.writeFileSync(path.join(dir, 'a.md'), '---\ncolour: red\n---\n# A\n\nText.\n\n## Empty\n');
    const lenient = runCli(['check', '--notes', dir]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^a\.md:\d+: warning: unknown front matter key "colour"/m);
    expect(lenient.stdout).toContain('a.md:8: warning: section "Empty" is empty');
    expect(runCli(['check', '--strict', '--notes', dir]).status).toBe(1);
  }, 120_000);

  it('a notes folder that does not exist, is a file or holds no notes is a one-line error, exit 2', () => {
    const empty = tempDir('nimbus-empty');
    for (const [args, message] of [
      [['ask', 'hello', '--notes', 'no/such/folder'], `nimbus: notes folder not found: no/such/folder`],
      [['check', '--notes', 'package.json'], 'nimbus: notes folder is not a folder: package.json'],
      [['stats', '--notes', empty], `nimbus: no notes (.md or .mdx files) in ${empty}`],
    ] as const) {
      const run = runCli([...args]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(message);
      expect(run.stdout).toBe('');
    }
    const wrongEnv = runCli(['stats'], { env: { NOTES_DIR: 'missing-notes' } });
    expect(wrongEnv.status).toBe(2);
    expect(wrongEnv.stderr.trim()).toBe('nimbus: notes folder not found: missing-notes');
  }, 180_000);

  it('ask --json answers each stdin line with the documented shape', () => {
    const run = runCli(['ask', '--json', '--limit', '2', '--notes', fixture], {
      input: 'how do I launch a widget\nbest pizza topping\n',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(['question', 'confident', 'results', 'answerLine', 'missing']);
    expect(typeof lines[0].answerLine).toBe('string');
    expect(lines[0].missing).toEqual([]);
    expect(Object.keys(lines[0].results[0])).toEqual([
      'id',
      'title',
      'headingPath',
      'file',
      'anchor',
      'url',
      'score',
      'excerpt',
      'text',
      'excerptBlocks',
    ]);
    // The excerpt as data: blocks of units, each of note text (with highlight offsets) or markup.
    const [block] = lines[0].results[0].excerptBlocks;
    expect(Object.keys(block)).toEqual(['kind', 'fromStart', 'units']);
    const pieces = block.units.flat();
    const highlighted = pieces.flatMap((p: { text?: string; highlights?: [number, number][] }) =>
      (p.highlights ?? []).map(([s, e]) => p.text!.slice(s, e).toLowerCase()),
    );
    expect(highlighted).toContain('launch');
    expect(lines[0]).toMatchObject({ question: 'how do I launch a widget', confident: true });
    expect(lines[0].results[0]).toMatchObject({ id: 'intro#-launch-step-1', url: null, file: 'intro.md' });
    expect(lines[0].results.length).toBeLessThanOrEqual(2);
    expect(lines[1]).toMatchObject({ question: 'best pizza topping', confident: false });
  });

  it('ask QUESTION prints a readable answer with the file when no base URL is set', () => {
    const run = runCli(['ask', 'widget', 'launch', 'command', '--notes', fixture]);
    expect(run.stdout).toContain('Introduction to Widgets › 🚀 Launch: step 1!');
    expect(run.stdout).toContain('intro.md:17');
  });

  it('rejects a bad --limit with a clear message', () => {
    const run = runCli(['ask', 'x', '--limit', 'lots', '--notes', fixture]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      "option '--limit <n>' argument 'lots' is invalid. expected a whole number from 1 to 25",
    );
  });

  it('the terminal session works when piped: plain text, exits at end of input', () => {
    const run = runCli(['--notes', fixture], {
      input: '/help\n/topic\n/topic guide page\nhow do I launch a widget\n/nope\n',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/topic [name]');
    expect(run.stdout).toContain('The Guide\n  Guide home (/topic guide)');
    expect(run.stdout).toContain('A page (meta title)\nThe Guide');
    expect(run.stdout).toContain('- Callouts keep text');
    expect(run.stdout).toContain('widget launch --fast');
    expect(run.stdout).toContain('Unknown command /nope');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('stops with one line naming a bad setting', () => {
    const run = runCli(['stats'], { env: { QUIZ_SECONDS: '0' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('nimbus: Invalid QUIZ_SECONDS: expected a whole number of seconds from 5 to 3600.\n');
  });

  it('has --help on every command', () => {
    for (const command of ['stats', 'check', 'ask', 'shell']) {
      const run = runCli([command, '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: nimbus ${command}`);
      expect(run.stdout, command).toContain('--notes <dir>');
    }
    for (const command of ['bot', 'deploy-commands', 'eval']) {
      const run = runCli([command, '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: nimbus ${command}`);
    }
    // Seven child processes: on a loaded machine each may take several seconds to start.
  }, 120_000);
});
