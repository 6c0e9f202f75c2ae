/** The gateway: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, sequence numbers, RESUME. Plain JSON only. */
import type { IncomingMessage } from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';
import { snowflake } from './snowflake.js';

export interface IdentifyRecord {
  at: number;
  token: string;
  intents: number;
  shard?: [number, number];
  properties: Record<string, unknown>;
  compress: boolean;
  largeThreshold?: number;
  presence?: unknown;
  sessionId: string;
}

export interface ResumeRecord {
  at: number;
  sessionId: string;
  seq: number;
  replayed: number;
  ok: boolean;
}

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  seq: number;
  /** Sent (or queued while disconnected) dispatches, kept for RESUME replay. */
  events: Dispatch[];
  socket: WebSocket | null;
  alive: boolean;
  identify: IdentifyRecord;
}

export interface GatewayHooks {
  url: () => string;
  heartbeatIntervalMs: number;
  /** If set, IDENTIFY/RESUME with another token is refused (close 4004). */
  token?: string;
  readyPayload: (session: GatewaySession) => Record<string, unknown>;
  afterReady: () => Array<{ t: string; d: unknown }>;
  violation: (msg: string) => void;
  changed: () => void;
}

const MAX_REPLAY = 2000;
/** Close codes after which discord.js does not resume, so the session is gone. */
const SESSION_ENDING_CODES = new Set([1000, 1001, 4004, 4007, 4010, 4011, 4012, 4013, 4014]);

export class Gateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  /** Every payload received from clients, in order (IDENTIFY tokens included). */
  readonly received: Array<{ at: number; op: number; d: unknown }> = [];
  heartbeats = 0;
  /** Fault injection: new gateway connections are dropped at once (Discord unreachable). */
  refuseConnections = false;
  /** Fault injection: heartbeats are received but not ACKed (a zombie connection). */
  dropHeartbeatAcks = false;
  connections = 0;
  readonly sockets = new Set<WebSocket>();
  readonly sessions = new Map<string, GatewaySession>();
  /** Sockets the fake closed itself: their close code says nothing about the client's intent. */
  private readonly serverClosed = new WeakSet<WebSocket>();

  constructor(
    wss: WebSocketServer,
    private readonly hooks: GatewayHooks,
  ) {
    wss.on('connection', (ws, req) => {
      if (this.refuseConnections) return void ws.terminate();
      this.onConnection(ws, req);
    });
  }

  /** Live sessions, most recently identified last. */
  liveSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => s.alive);
  }

  /** Sends a dispatch to every live session (queued for replay if its socket is down). */
  dispatch(t: string, d: unknown, only?: GatewaySession): number {
    const targets = only ? [only] : this.liveSessions();
    for (const s of targets) this.sendDispatch(s, t, d);
    return targets.length;
  }

  /** Closes every gateway socket. Default code 4000: discord.js resumes the session (after ~0.5 s). */
  disconnectAll(opts: { code?: number; reason?: string; terminate?: boolean } = {}): void {
    const code = opts.code ?? 4000;
    for (const s of this.sessions.values()) {
      if (s.socket && !opts.terminate && SESSION_ENDING_CODES.has(code)) s.alive = false;
    }
    for (const ws of this.sockets) {
      this.serverClosed.add(ws);
      if (opts.terminate) ws.terminate();
      else ws.close(code, opts.reason ?? 'fake-discord disconnect');
    }
  }

  /** Sends op 7 RECONNECT: discord.js closes with 4200 and resumes. */
  requestReconnect(): void {
    for (const s of this.liveSessions()) s.socket?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /** Sends op 9 INVALID SESSION (not resumable) to every live session: discord.js identifies anew. */
  invalidateSessions(): void {
    for (const s of this.liveSessions()) {
      s.alive = false;
      s.socket?.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
    }
  }

  close(): void {
    for (const ws of this.sockets) {
      this.serverClosed.add(ws);
      ws.terminate();
    }
    for (const s of this.sessions.values()) s.alive = false;
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): void {
    const ev: Dispatch = { op: 0, t, s: ++session.seq, d };
    session.events.push(ev);
    if (session.events.length > MAX_REPLAY) session.events.splice(0, session.events.length - MAX_REPLAY);
    if (session.socket) this.send(session.socket, ev);
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.connections++;
    this.sockets.add(ws);
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    if (query.get('v') !== '10') this.hooks.violation(`GATEWAY connect: expected v=10, got v=${query.get('v')}`);
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.hooks.violation(`GATEWAY connect: only encoding=json is served, got ${query.get('encoding')}`);
    }
    if (query.has('compress')) {
      this.hooks.violation(`GATEWAY connect: compression (${query.get('compress')}) is not served; plain JSON only`);
    }
    let session: GatewaySession | null = null;

    ws.on('message', (raw, isBinary) => {
      let p: { op: number; d: unknown };
      try {
        if (isBinary) throw new Error('binary frame');
        p = JSON.parse(raw.toString()) as { op: number; d: unknown };
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.received.push({ at: performance.now(), op: p.op, d: p.d });
      switch (p.op) {
        case 1: // HEARTBEAT
          this.heartbeats++;
          if (!this.dropHeartbeatAcks) this.send(ws, { op: 11, d: null, s: null, t: null });
          break;
        case 2: {
          if (session) {
            ws.close(4005, 'Already authenticated.');
            return;
          }
          session = this.identify(ws, p.d as Record<string, unknown>);
          break;
        }
        case 6: {
          if (session) {
            ws.close(4005, 'Already authenticated.');
            return;
          }
          session = this.resume(ws, p.d as Record<string, unknown>);
          break;
        }
        case 3: // presence update
        case 4: // voice state
        case 8: // request guild members
          if (!session) ws.close(4003, 'Not authenticated.');
          break;
        default:
          ws.close(4001, 'Unknown opcode.');
      }
      this.hooks.changed();
    });

    ws.on('close', (code) => {
      this.sockets.delete(ws);
      if (session && session.socket === ws) {
        session.socket = null;
        if (!this.serverClosed.has(ws) && SESSION_ENDING_CODES.has(code)) session.alive = false;
      }
      this.hooks.changed();
    });
    ws.on('error', () => {});

    this.send(ws, { op: 10, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs }, s: null, t: null });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    const token = String(d.token ?? '');
    if (this.hooks.token !== undefined && token !== this.hooks.token) {
      ws.close(4004, 'Authentication failed.');
      return null;
    }
    const shard = Array.isArray(d.shard) ? (d.shard as [number, number]) : undefined;
    if (shard && (shard[1] !== 1 || shard[0] !== 0)) {
      ws.close(4010, 'Invalid shard.');
      return null;
    }
    if (typeof d.intents !== 'number') {
      ws.close(4013, 'Invalid intent(s).');
      return null;
    }
    if (d.compress === true)
      this.hooks.violation('GATEWAY IDENTIFY: compress=true requested; the fake serves plain JSON');
    const sessionId = snowflake();
    const record: IdentifyRecord = {
      at: performance.now(),
      token,
      intents: d.intents,
      ...(shard ? { shard } : {}),
      properties: (d.properties ?? {}) as Record<string, unknown>,
      compress: d.compress === true,
      ...(typeof d.large_threshold === 'number' ? { largeThreshold: d.large_threshold } : {}),
      ...(d.presence !== undefined ? { presence: d.presence } : {}),
      sessionId,
    };
    this.identifies.push(record);
    const session: GatewaySession = { id: sessionId, seq: 0, events: [], socket: ws, alive: true, identify: record };
    this.sessions.set(sessionId, session);
    this.sendDispatch(session, 'READY', this.hooks.readyPayload(session));
    for (const ev of this.hooks.afterReady()) this.sendDispatch(session, ev.t, ev.d);
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    const session = this.sessions.get(String(d.session_id));
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const tokenOk = session ? String(d.token) === session.identify.token : false;
    if (!session?.alive || !tokenOk) {
      this.resumes.push({ at: performance.now(), sessionId: String(d.session_id), seq, replayed: 0, ok: false });
      this.send(ws, { op: 9, d: false, s: null, t: null });
      return null;
    }
    if (session.socket && session.socket !== ws) {
      this.serverClosed.add(session.socket);
      session.socket.close(4000, 'Session resumed elsewhere');
    }
    session.socket = ws;
    const missed = session.events.filter((e) => e.s > seq);
    for (const ev of missed) this.send(ws, ev);
    this.resumes.push({ at: performance.now(), sessionId: session.id, seq, replayed: missed.length, ok: true });
    this.sendDispatch(session, 'RESUMED', { _trace: ['fake-discord'] });
    return session;
  }
}
