import fs from 'node:fs';

/** The calling thread's id on Linux (/proc/thread-self), else 0: CPU time cannot be read there. */
export function threadId(): number {
  try {
    return Number(fs.readlinkSync('/proc/thread-self').split('/').pop()) || 0;
  } catch {
    return 0;
  }
}

/**
 * CPU milliseconds a thread of this process has used (user + system, 10 ms steps), or NaN where
 * it cannot be read. A parse budget counted in CPU time holds on a busy machine, where wall time
 * would skip ordinary notes.
 */
export function threadCpuMs(tid: number): number {
  if (!tid) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
