import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

// Two stand-ins for a broken DISCORD_API_BASE on 127.0.0.1: one that accepts and never answers,
// one that answers 404 with no body.
let silent: http.Server;
let missing: http.Server;
const base = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
beforeAll(async () => {
  silent = http.createServer(() => {});
  missing = http.createServer((_req, res) => res.writeHead(404).end());
  await Promise.all([silent, missing].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
});
afterAll(() => {
  silent.closeAllConnections();
  for (const s of [silent, missing]) s.close();
});

function runBot(apiBase: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'bot', '--notes', 'tests/fixtures/pipeline'],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH ?? '',
          DOTENV_CONFIG_PATH: '/nonexistent',
          DISCORD_TOKEN: 'MTIz.fake.token-secret',
          DISCORD_API_BASE: apiBase,
          DISCORD_CONNECT_SECONDS: '3',
          LOG_LEVEL: 'silent',
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('the bot when Discord cannot be reached', () => {
  it('stops after DISCORD_CONNECT_SECONDS when the API accepts but never answers, saying so', async () => {
    const run = await runBot(base(silent));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Could not connect to Discord: Discord's API at ${base(silent)} gave no answer within 3 s; check DISCORD_API_BASE`,
    );
    expect(run.stderr).not.toContain('token-secret');
  }, 60_000);

  it('names the status and the route of an HTTP error instead of "No Description"', async () => {
    const run = await runBot(base(missing));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Discord's API at ${base(missing)} answered 404 Not Found to GET /gateway/bot; check DISCORD_API_BASE`,
    );
    expect(run.stderr).not.toContain('No Description');
  }, 60_000);
});
