// A parse pool worker (parse-pool.ts): parses Markdown to a tree for a thread that waits on it.
// It says in shared memory when it starts a file, so the waiting thread can stop it at the deadline.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseMarkdown } from './markdown.js';

const { port, done, startedAt, slot } = workerData as {
  port: MessagePort;
  done: Int32Array;
  startedAt: Float64Array;
  slot: number;
};

port.on('message', ({ id, source, mdx }: { id: number; source: string; mdx: boolean }) => {
  startedAt[slot] = performance.timeOrigin + performance.now();
  let reply: { id: number; parsed?: unknown; error?: string };
  try {
    reply = { id, parsed: parseMarkdown(source, mdx) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  startedAt[slot] = 0;
  port.postMessage(reply);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
