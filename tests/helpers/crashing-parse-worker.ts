// A parse worker whose thread ends in the middle of a note named `crash-*.md`, as a worker that
// runs out of memory or hits a fatal error would; every other note it loads as parse-worker.ts does.
import { workerData, type MessagePort } from 'node:worker_threads';
import { claimedByWorker, unclaimed } from '../../src/notes/parse-pool.js';
import { threadCpuMs, threadId } from '../../src/notes/thread-cpu.js';

const { port, startedAt, cpuAt, runningId, slot, claims } = workerData as {
  port: MessagePort;
  startedAt: Float64Array;
  cpuAt: Float64Array;
  runningId: Float64Array;
  slot: number;
  claims: Int32Array;
};

// Registered before the real worker's listener, so it sees each note first.
port.on('message', (message: { id?: number; ticket?: number; note?: { file: string } }) => {
  if (!message.note?.file.startsWith('crash-')) return;
  if (Atomics.compareExchange(claims, message.ticket! % claims.length, unclaimed, claimedByWorker) !== unclaimed)
    return;
  // Started, as the real worker says it starts a note; then the thread ends mid-parse.
  const tid = threadId();
  cpuAt[2 * slot] = tid;
  cpuAt[2 * slot + 1] = threadCpuMs(tid);
  runningId[slot] = message.id!;
  startedAt[slot] = performance.timeOrigin + performance.now();
  process.exit(1);
});

await import('../../src/notes/parse-worker.js');
