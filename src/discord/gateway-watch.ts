import { Events, type Client } from 'discord.js';
import type { Logger } from './logger.js';

/** Close codes after which discord.js gives up, with what the operator must do. */
const fatalCloseCodes: Record<number, string> = {
  4004: 'Discord rejected the token (reset or revoked): put the current bot token in DISCORD_TOKEN and restart',
  4010: 'Discord rejected the shard settings: run without custom sharding options',
  4011: 'the bot is in too many servers for one connection: sharding is required',
  4012: 'Discord rejected the gateway API version: update Nimbus (discord.js)',
  4013: 'Discord rejected the gateway intents: update Nimbus',
  4014: 'the bot asks for a privileged intent that is not enabled: enable it in the Developer Portal (Bot tab) or update Nimbus',
};

export interface FatalClose {
  code: number;
  meaning: string;
}

/**
 * Logs the gateway's life: disconnects, resumes, re-identifies, and outages longer than
 * `outageWarnMs`. Calls `onFatal` for a close discord.js will not recover from.
 */
export function watchGateway(
  client: Client,
  logger: Logger,
  onFatal: (close: FatalClose) => void,
  outageWarnMs = 5000,
): () => void {
  let downSince: number | undefined;
  let outageTimer: NodeJS.Timeout | undefined;
  let lastClose: number | undefined;
  let readyOnce = false;

  const down = (code?: number) => {
    if (downSince !== undefined) return;
    downSince = Date.now();
    outageTimer = setTimeout(
      () =>
        logger.warn(
          { downMs: Date.now() - downSince!, lastCloseCode: lastClose },
          'Discord gateway still unreachable: interactions are not arriving',
        ),
      outageWarnMs,
    );
    outageTimer.unref();
    logger.warn({ code }, 'Discord gateway disconnected; reconnecting');
  };
  const up = (how: 'resumed' | 're-identified', extra: object = {}) => {
    clearTimeout(outageTimer);
    const downMs = downSince === undefined ? undefined : Date.now() - downSince;
    downSince = undefined;
    logger.info({ ...extra, downMs }, `Discord gateway ${how}`);
  };

  const onClose = (event: { code: number }) => {
    lastClose = event.code;
  };
  const onDisconnect = (event: { code: number }) => {
    clearTimeout(outageTimer);
    const meaning =
      fatalCloseCodes[event.code] ?? `the connection closed with code ${event.code} and will not be retried`;
    onFatal({ code: event.code, meaning });
  };
  const onReconnecting = () => down(lastClose);
  const onResume = (_shard: number, replayed: number) => up('resumed', { replayed });
  const onReady = () => {
    if (readyOnce) up('re-identified');
    readyOnce = true;
  };

  const shard = () => client.ws.shards.first();
  client.on(Events.ShardDisconnect, onDisconnect);
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardResume, onResume);
  client.on(Events.ShardReady, onReady);
  // The close code of every drop, for the log lines above.
  const listen = () => shard()?.on('close', onClose);
  client.once(Events.ClientReady, listen);
  return () => {
    clearTimeout(outageTimer);
    client.off(Events.ShardDisconnect, onDisconnect);
    client.off(Events.ShardReconnecting, onReconnecting);
    client.off(Events.ShardResume, onResume);
    client.off(Events.ShardReady, onReady);
    shard()?.off('close', onClose);
  };
}
