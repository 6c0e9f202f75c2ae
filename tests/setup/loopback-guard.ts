/**
 * Vitest setup file: the tests may only talk to this machine. Any TCP connection (net, tls, http, undici/fetch, ws)
 * to a host other than loopback throws an error naming the host, before any DNS lookup or packet.
 * DNS lookups of non-local names and UDP sends to non-loopback addresses are refused the same way.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';

const LOCAL_NAMES = new Set(['localhost', 'localhost.', '::1', '0:0:0:0:0:0:0:1', '[::1]']);

export function isLoopback(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true; // Node's default is localhost
  const h = host.toLowerCase();
  if (LOCAL_NAMES.has(h) || h.endsWith('.localhost')) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

export class NonLoopbackConnectionError extends Error {
  constructor(
    readonly host: string,
    what: string,
  ) {
    super(
      `loopback-guard: ${what} to non-loopback host "${host}" blocked (tests may only reach 127.0.0.1 / ::1 / localhost)`,
    );
    this.name = 'NonLoopbackConnectionError';
  }
}

const GUARDED = Symbol.for('nimbus.loopbackGuard');
const g = globalThis as Record<symbol, unknown>;

if (!g[GUARDED]) {
  g[GUARDED] = true;

  // ---- TCP (net, tls, http(s), undici, ws all end up in Socket#connect) ----
  const origConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // Forms: connect(options[, cb]), connect(port[, host][, cb]), connect(path[, cb]), and Node's internal
    // connect([options, cb]) "normalized args" array.
    let first = args[0];
    if (Array.isArray(first)) first = first[0];
    let host: string | undefined;
    let isPipe = false;
    if (typeof first === 'object' && first !== null) {
      const o = first as { host?: string; path?: string; port?: unknown };
      isPipe = typeof o.path === 'string' && o.port === undefined;
      host = o.host;
    } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
      isPipe = true; // unix socket / named pipe path
    } else if (typeof args[1] === 'string') {
      host = args[1];
    }
    if (!isPipe && !isLoopback(host)) throw new NonLoopbackConnectionError(String(host), 'TCP connection');
    return (origConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  // ---- DNS: a lookup of a remote name would already send a query ----
  const guardHost = (host: unknown, what: string) => {
    if (typeof host === 'string' && !isLoopback(host)) throw new NonLoopbackConnectionError(host, what);
  };
  const origLookup = dns.lookup;
  (dns as { lookup: unknown }).lookup = function guardedLookup(hostname: unknown, ...rest: unknown[]) {
    guardHost(hostname, 'DNS lookup');
    return (origLookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
  };
  const origPromLookup = dns.promises.lookup;
  (dns.promises as { lookup: unknown }).lookup = async function guardedLookup(hostname: unknown, ...rest: unknown[]) {
    guardHost(hostname, 'DNS lookup');
    return (origPromLookup as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
  };
  for (const name of [
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveTxt',
    'resolveSrv',
    'resolvePtr',
    'resolveNaptr',
    'resolveSoa',
    'resolveCaa',
    'reverse',
  ] as const) {
    for (const target of [
      dns as unknown as Record<string, unknown>,
      dns.promises as unknown as Record<string, unknown>,
      dns.Resolver.prototype as unknown as Record<string, unknown>,
      dns.promises.Resolver.prototype as unknown as Record<string, unknown>,
    ]) {
      const orig = target[name];
      if (typeof orig !== 'function') continue;
      target[name] = function guardedResolve(this: unknown, hostname: unknown, ..._rest: unknown[]) {
        // resolve* always asks a name server over the network, even for local names.
        throw new NonLoopbackConnectionError(String(hostname), `DNS ${name}`);
      };
    }
  }

  // ---- UDP ----
  const origSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    // send(msg, [offset, length,] port, address, cb) — the address is the first string after the port.
    const address = args.slice(1).find((a) => typeof a === 'string');
    if (address !== undefined) guardHost(address, 'UDP send');
    return (origSend as (...a: unknown[]) => void).apply(this, args);
  } as typeof dgram.Socket.prototype.send;
  const origUdpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]) {
    if (typeof args[1] === 'string') guardHost(args[1], 'UDP connect');
    return (origUdpConnect as (...a: unknown[]) => void).apply(this, args);
  } as typeof dgram.Socket.prototype.connect;

  // Make `import { lookup } from 'node:dns'` see the guarded functions too.
  syncBuiltinESMExports();
}
