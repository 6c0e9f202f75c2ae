import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface GitNotesSettings {
  url: string;
  /** Branch to follow; default: the remote's default branch. */
  branch?: string;
  /** Where the clone lives (in the data folder). */
  dir: string;
  /** HTTPS token (sent as a header through the environment, never on the command line). */
  token?: string;
  /** Path of an SSH deploy key. */
  sshKeyFile?: string;
}

export class GitError extends Error {}

/**
 * The notes as a Git clone: cloned on first start, then fetched and checked out to exactly what the
 * remote branch holds (a force-push included). Secrets never reach a log or an error: they travel
 * in git's environment, and every message is scrubbed of them and of credentials in URLs.
 */
export class GitNotes {
  constructor(private readonly settings: GitNotesSettings) {}

  private scrub(text: string): string {
    let out = text.replace(/(\/\/)[^/@\s]+@/g, '$1***@');
    for (const secret of [this.settings.token]) if (secret) out = out.split(secret).join('***');
    return out.trim().split('\n').slice(-3).join(' ').slice(0, 500);
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
    const { token, sshKeyFile } = this.settings;
    if (token) {
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
      Object.assign(env, {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
      });
    }
    if (sshKeyFile)
      env.GIT_SSH_COMMAND = `ssh -i ${JSON.stringify(sshKeyFile)} -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new -o BatchMode=yes`;
    return env;
  }

  private git(args: string[], cwd?: string, timeoutMs = 120_000): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        { cwd, env: this.env(), timeout: timeoutMs, maxBuffer: 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) reject(new GitError(this.scrub(String(stderr) || error.message)));
          else resolve(String(stdout).trim());
        },
      );
    });
  }

  private cloned(): boolean {
    return fs.existsSync(path.join(this.settings.dir, '.git'));
  }

  /** Clones when there is no clone yet; returns the commit checked out. */
  async ensureClone(): Promise<string> {
    if (!this.cloned()) {
      const temporary = `${this.settings.dir}.cloning-${process.pid}`;
      fs.rmSync(temporary, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(this.settings.dir), { recursive: true });
      const branch = this.settings.branch ? ['--branch', this.settings.branch] : [];
      try {
        await this.git([
          'clone',
          '--quiet',
          '--depth',
          '1',
          '--single-branch',
          ...branch,
          '--',
          this.settings.url,
          temporary,
        ]);
        fs.rmSync(this.settings.dir, { recursive: true, force: true });
        fs.renameSync(temporary, this.settings.dir);
      } finally {
        fs.rmSync(temporary, { recursive: true, force: true });
      }
    }
    return this.head();
  }

  head(): Promise<string> {
    return this.git(['rev-parse', 'HEAD'], this.settings.dir);
  }

  /**
   * Fetches the branch and checks out what the remote holds now (history rewritten by a force-push
   * too). Returns the commit and whether it changed; throws GitError when the remote cannot be read,
   * leaving the files as they were.
   */
  async sync(): Promise<{ commit: string; changed: boolean }> {
    const before = await this.ensureClone();
    const branch = this.settings.branch ?? 'HEAD';
    await this.git(['fetch', '--quiet', '--depth', '1', '--force', 'origin', branch], this.settings.dir);
    const fetched = await this.git(['rev-parse', 'FETCH_HEAD'], this.settings.dir);
    if (fetched === before) return { commit: before, changed: false };
    await this.git(['reset', '--quiet', '--hard', fetched], this.settings.dir);
    await this.git(['clean', '--quiet', '-fdx'], this.settings.dir);
    return { commit: fetched, changed: true };
  }
}
