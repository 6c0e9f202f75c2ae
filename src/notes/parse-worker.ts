// A parse pool worker (parse-pool.ts): parses Markdown to a tree for a thread that waits on it.
// It says in shared memory when it starts a file, so the waiting thread can stop it at the deadline.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseMarkdown } from './markdown.js';
import { threadCpuMs, threadId } from './thread-cpu.js';

const { port, done, startedAt, cpuAt, slot } = workerData as {
  port: MessagePort;
  done: Int32Array;
  startedAt: Float64Array;
  cpuAt: Float64Array;
  slot: number;
};
const tid = threadId();

port.on('message', ({ id, source, mdx }: { id: number; source: string; mdx: boolean }) => {
  // The thread id goes with the CPU time, so the waiting thread reads this thread's CPU clock.
  cpuAt[2 * slot] = tid;
  cpuAt[2 * slot + 1] = threadCpuMs(tid);
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
