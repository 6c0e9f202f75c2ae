// Preloaded into the processes bench/startup.ts starts: writes the peak RSS (KB) and the CPU time
// of every thread (ms, user + system) on exit.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) {
    const usage = process.resourceUsage();
    fs.writeFileSync(process.env.BENCH_RSS_FILE, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  }
});
