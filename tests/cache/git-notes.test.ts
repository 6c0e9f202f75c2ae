import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { GitError, GitNotes } from '../../src/core/git-notes.js';
import { KnowledgeLoader } from '../../src/core/knowledge-loader.js';
import { LiveNotes } from '../../src/core/live-notes.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/e2e-notes');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();

/** A bare repository on disk (the remote) and a working copy that pushes to it. */
function remote() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-git-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bare = path.join(dir, 'remote.git');
  const work = path.join(dir, 'work');
  fs.mkdirSync(bare);
  git(bare, 'init', '--quiet', '--bare');
  fs.cpSync(fixture, work, { recursive: true });
  git(work, 'init', '--quiet');
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'notes');
  git(work, 'push', '--quiet', pathToFileURL(bare).href, 'HEAD:main');
  return {
    dir,
    bare,
    work,
    url: pathToFileURL(bare).href,
    push: (...extra: string[]) => git(work, 'push', '--quiet', ...extra, pathToFileURL(bare).href, 'HEAD:main'),
  };
}

async function liveFrom(r: ReturnType<typeof remote>, url = r.url) {
  const clone = path.join(r.dir, 'data/notes-git');
  const gitNotes = new GitNotes({ url, branch: 'main', dir: clone });
  const commit = await gitNotes.ensureClone();
  const config = { NOTES_DIR: clone, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' as const };
  const cacheDir = path.join(r.dir, 'data/cache');
  const log = () => {};
  const first = await new KnowledgeLoader(config, { cacheDir, log }).load();
  const live = new LiveNotes(
    first.knowledge,
    first.fingerprint,
    { config, cacheDir, log, fetch: async () => (await gitNotes.sync()).commit },
    commit,
  );
  cleanup.push(() => live.close());
  return { live, commit, clone, gitNotes };
}

const top = (live: LiveNotes, q: string) => ask(live.current.index, q).results[0]?.heading;

describe('notes from a Git repository', () => {
  it('clones on first start and picks up a pushed change', async () => {
    const r = remote();
    const { live, commit, clone } = await liveFrom(r);
    expect(commit).toBe(git(r.work, 'rev-parse', 'HEAD'));
    expect(fs.existsSync(path.join(clone, 'cloud/storage.md'))).toBe(true);
    expect(live.getStatus().commit).toBe(commit);

    fs.appendFileSync(
      path.join(r.work, 'cloud/storage.md'),
      '\n## Glacier vaults\n\nA glacier vault is sealed with a vault lock policy.\n',
    );
    git(r.work, 'commit', '--quiet', '-am', 'vaults');
    r.push();
    const record = await live.reload('git sync');
    expect(record).toMatchObject({ outcome: 'swapped', parsed: 1 });
    expect(live.getStatus().commit).toBe(git(r.work, 'rev-parse', 'HEAD'));
    expect(top(live, 'glacier vault lock')).toBe('Glacier vaults');
    expect((await live.reload('git sync')).outcome).toBe('unchanged');
  });

  it('follows a force-push, and keeps the old notes when the rewritten branch has none', async () => {
    const r = remote();
    const { live } = await liveFrom(r);
    fs.appendFileSync(
      path.join(r.work, 'welcome.md'),
      '\n## Rewritten history\n\nThis paragraph about rebased timelines replaced the old commit.\n',
    );
    git(r.work, 'commit', '--quiet', '--amend', '-am', 'rewritten');
    r.push('--force');
    expect(await live.reload('git sync')).toMatchObject({ outcome: 'swapped' });
    expect(live.getStatus().commit).toBe(git(r.work, 'rev-parse', 'HEAD'));
    expect(top(live, 'rebased timelines')).toBe('Rewritten history');

    const before = live.current;
    const good = live.getStatus().commit;
    git(r.work, 'rm', '--quiet', '-r', '.');
    fs.writeFileSync(path.join(r.work, 'README.txt'), 'emptied by mistake\n');
    git(r.work, 'add', '.');
    git(r.work, 'commit', '--quiet', '--amend', '-m', 'oops');
    r.push('--force');
    const record = await live.reload('git sync');
    expect(record).toMatchObject({ outcome: 'kept-old', reason: 'the notes folder is missing or has no notes now' });
    expect(live.current).toBe(before);
    expect(live.getStatus().commit).toBe(good);
  });

  it('keeps the old notes when the remote cannot be reached, and never shows credentials', async () => {
    const r = remote();
    const { live } = await liveFrom(r);
    const before = live.current;
    fs.renameSync(r.bare, `${r.bare}.gone`);
    const record = await live.reload('git sync');
    expect(record.outcome).toBe('failed');
    expect(record.reason).toMatch(/^could not fetch the notes, the ones in use stay: /);
    expect(live.current).toBe(before);

    const secret = 'ghp_supersecrettoken123';
    const unreachable = new GitNotes({
      url: `https://user:${secret}@127.0.0.1:9/notes.git`,
      dir: path.join(r.dir, 'other'),
      token: secret,
    });
    const error = await unreachable.ensureClone().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message.length).toBeGreaterThan(0);
  });
});
