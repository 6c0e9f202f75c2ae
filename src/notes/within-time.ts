import vm from 'node:vm';

/** Thrown when `withinTime` stopped its function at the time limit. */
export class OutOfTimeError extends Error {}

interface Caller {
  context: vm.Context;
  call: vm.Script;
}
let caller: Caller | undefined;

/**
 * Runs `fn` on this thread and stops it after `ms` of wall time. vm's timeout starts a watchdog
 * thread that terminates whatever JavaScript this thread runs when the time is up, the function
 * called from the script included: the one way to stop a synchronous parse on the calling thread
 * (a worker can be terminated from outside, this thread cannot). The watchdog's thread costs
 * ~0.1 ms a call alone and ~0.5 ms during a load, so callers time runs of work, not each small
 * step. Errors `fn` throws pass through unchanged.
 */
export function withinTime<T>(ms: number, fn: () => T): T {
  // One context for every call: the script only calls the function it is handed, which runs in
  // this thread's own realm, so its objects are ordinary ones.
  caller ??= { context: vm.createContext({ run: undefined }), call: new vm.Script('run()') };
  const { context, call } = caller;
  context.run = fn;
  try {
    return call.runInContext(context, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new OutOfTimeError(`stopped after ${ms} ms`);
    throw error;
  } finally {
    context.run = undefined;
  }
}
