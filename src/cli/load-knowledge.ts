import { cacheDirOf, type Config } from '../config.js';
import { KnowledgeLoader, type CacheLog, type LoadReport } from '../core/knowledge-loader.js';
import type { CliContext } from './context.js';

/** Cache decisions go to stderr as JSON lines when LOG_LEVEL is debug or trace (stdout stays clean). */
export const cliCacheLog =
  (context: CliContext, config: Config): CacheLog =>
  (message, fields) => {
    if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace')
      context.err(JSON.stringify({ level: 'debug', msg: message, ...fields }));
  };

/** The notes and their index for a CLI command, through the cache folder. */
export const loadKnowledgeForCli = (context: CliContext, config: Config): Promise<LoadReport> =>
  new KnowledgeLoader(config, { cacheDir: cacheDirOf(config), log: cliCacheLog(context, config) }).load();
