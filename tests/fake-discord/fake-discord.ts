/** The fake Discord: one HTTP server on 127.0.0.1 serving REST under /api/v10 and the gateway (WebSocket upgrade). */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CommandRegistry } from './commands.js';
import {
  guildCreatePayload,
  makeGuild,
  makeUser,
  type FakeChannel,
  type FakeGuild,
  type FakeUser,
  type GuildConfig,
} from './entities.js';
import { Gateway } from './gateway.js';
import {
  buildAutocomplete,
  buildComponent,
  buildSlashCommand,
  type AutocompleteInput,
  type BuiltInteraction,
  type ComponentInput,
  type InteractionWorld,
  type SelectInput,
  type SlashCommandInput,
} from './interactions.js';
import { MessageStore, type FakeMessage } from './message-store.js';
import { makeRestHandler, type RecordedRequest, type Route } from './rest.js';
import { FaultPlan } from './faults.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { snowflake } from './snowflake.js';
import { SpecValidator } from './spec-validator.js';

export interface FakeDiscordOptions {
  /** If set, REST and IDENTIFY must use this token (else 401 / close 4004). Default: any token is accepted. */
  token?: string;
  /** Bot username (default "Nimbus Test Bot"). */
  botName?: string;
  /** Application id = bot user id (default: a fresh snowflake). */
  applicationId?: string;
  /** Guilds sent as GUILD_CREATE after READY (default: one guild with one text channel "general"). */
  guilds?: GuildConfig[];
  /** HELLO heartbeat_interval in ms (default 41250, as Discord). */
  heartbeatIntervalMs?: number;
  /** Time allowed between INTERACTION_CREATE and its callback (default 3000, as Discord). Later callbacks get 10062. */
  interactionTimeoutMs?: number;
  /** OpenAPI file (default tests/fixtures/discord-api-spec/openapi.json, or $FAKE_DISCORD_SPEC). */
  specPath?: string;
  /** Validate request bodies against the spec (default true). Discord's extra rules always apply. */
  validateSpec?: boolean;
}

export interface CallbackRecord {
  /** Interaction callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  type: number;
  data: unknown;
  /** The whole callback body. */
  body: Record<string, unknown>;
  /** performance.now() when INTERACTION_CREATE was sent. */
  sentAt: number;
  /** performance.now() when the callback request arrived. */
  callbackAt: number;
  latencyMs: number;
  /** Message created or updated by the callback (types 4, 5, 6, 7). */
  messageId?: string;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** Interaction type (2 command, 3 component, 4 autocomplete). */
  type: number;
  /** The INTERACTION_CREATE `d` that was sent. */
  payload: Record<string, unknown>;
  sentAt: number;
  /** Resolves when the bot answers (never rejects; see `wait`). */
  callback: Promise<CallbackRecord>;
  /** Set once the callback arrived. */
  response?: CallbackRecord;
  callbackAt?: number;
  /** Like `callback`, but rejects after `timeoutMs` (default: interactionTimeoutMs + 1000) with a readable error. */
  wait(timeoutMs?: number): Promise<CallbackRecord>;
}

/** @internal bookkeeping per interaction */
export interface InteractionState {
  handle: InteractionHandle;
  built: BuiltInteraction;
  resolve: (c: CallbackRecord) => void;
  acknowledged: boolean;
  callbackType?: number;
  /** The "@original" message. */
  originalId?: string;
  followups: string[];
  /** Message whose component was used (component interactions). */
  sourceMessageId?: string;
  /** Deferred (type 5) and not yet edited. */
  loading: boolean;
}

export class FakeDiscord {
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly application: { id: string; name: string; flags: number };
  readonly botUser: FakeUser;
  readonly ownerId = snowflake();
  readonly guilds: FakeGuild[];
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** REST fault injection (see faults.ts): `fake.faults.add({ method: 'PATCH', path: '/messages/', status: 503 })`. */
  readonly faults = new FaultPlan();
  /** Every failure: invalid bodies, unknown routes, protocol errors. Tests assert it is empty. */
  readonly violations: string[] = [];
  readonly store: MessageStore;
  readonly commands: CommandRegistry;
  /** Users known to the fake (made with makeUser or seen in interactions). */
  readonly users = new Map<string, FakeUser>();
  readonly interactions: InteractionHandle[] = [];
  /** @internal */ readonly interactionStates = new Map<string, InteractionState>();
  readonly gateway: Gateway;
  readonly interactionTimeoutMs: number;
  readonly events = new EventEmitter();

  private readonly byToken = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, FakeChannel & { recipients: FakeUser[] }>();
  private defaultUser?: FakeUser;
  private readonly world: InteractionWorld;

  /** @internal use startFakeDiscord */
  constructor(
    readonly port: number,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    opts: FakeDiscordOptions,
  ) {
    this.events.setMaxListeners(0);
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    const appId = opts.applicationId ?? snowflake();
    this.application = { id: appId, name: opts.botName ?? 'Nimbus Test Bot', flags: 1 << 19 };
    this.botUser = makeUser(this.application.name, { id: appId, bot: true });
    this.guilds = (opts.guilds ?? [{ name: 'Fake Guild' }]).map((g) => makeGuild(g, this.ownerId));
    this.interactionTimeoutMs = opts.interactionTimeoutMs ?? 3000;
    this.store = new MessageStore(() => `http://127.0.0.1:${port}`);
    this.commands = new CommandRegistry(() => this.application.id);

    this.gateway = new Gateway(wss, {
      url: () => this.gatewayUrl,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      readyPayload: (session) => ({
        v: 10,
        user: this.botUser,
        user_settings: {},
        guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.id,
        session_type: 'normal',
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.application.id, flags: this.application.flags },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ['us-east'],
        auth: {},
        _trace: ['fake-discord'],
      }),
      afterReady: () => this.guilds.map((g) => ({ t: 'GUILD_CREATE', d: guildCreatePayload(g, this.botUser) })),
      violation: (m) => this.violation(m),
      changed: () => this.changed(),
    });

    const routes = new Map<string, Route>();
    for (const table of [appRoutes(this), interactionRoutes(this), channelRoutes(this)]) {
      for (const [k, v] of Object.entries(table)) routes.set(k, v);
    }
    const spec = SpecValidator.load(opts.specPath);
    const rest = makeRestHandler({
      spec: opts.validateSpec === false ? specWithoutBodies(spec) : spec,
      routes,
      requests: this.requests,
      faults: this.faults,
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      violation: (m) => this.violation(m),
      changed: () => this.changed(),
    });
    server.on('request', (req, res) => {
      rest(req, res).catch((e: unknown) => {
        this.violation(`fake-discord crashed on ${req.method} ${req.url}: ${String(e)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });

    this.world = {
      applicationId: this.application.id,
      guilds: this.guilds,
      defaultUser: () => (this.defaultUser ??= this.makeUser('tester')),
      users: this.users,
      dmChannelId: (u) => this.dmChannel(u).id,
      findCommand: (name, guildId) => this.commands.find(name, guildId),
    };
  }

  get messages(): Map<string, FakeMessage> {
    return this.store.messages;
  }

  /** First configured guild and its first channel (handy defaults). */
  get guild(): FakeGuild {
    const g = this.guilds[0];
    if (!g) throw new Error('fake-discord: no guild configured');
    return g;
  }
  get channel(): FakeChannel {
    const c = this.guild.channels[0];
    if (!c) throw new Error('fake-discord: the first guild has no channel');
    return c;
  }

  makeUser(name: string, opts: { id?: string; globalName?: string } = {}): FakeUser {
    const u = makeUser(name, opts);
    this.users.set(u.id, u);
    return u;
  }

  // ---------------- interaction drivers ----------------

  slashCommand(input: SlashCommandInput): InteractionHandle {
    return this.dispatchInteraction(buildSlashCommand(this.world, input));
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    return this.dispatchInteraction(buildAutocomplete(this.world, input));
  }

  clickButton(input: ComponentInput): InteractionHandle {
    const m = this.liveMessage(input.messageId);
    return this.dispatchInteraction(buildComponent(this.world, input, this.store.serve(m), 'button'), m.id);
  }

  selectMenu(input: SelectInput): InteractionHandle {
    const m = this.liveMessage(input.messageId);
    return this.dispatchInteraction(buildComponent(this.world, input, this.store.serve(m), 'select'), m.id);
  }

  /** The "@original" response message of an interaction, if any. */
  originalOf(handle: InteractionHandle): FakeMessage | undefined {
    const id = this.interactionStates.get(handle.id)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  /** Followup messages of an interaction (not counting a followup that replaced a deferred reply). */
  followupsOf(handle: InteractionHandle): FakeMessage[] {
    const s = this.interactionStates.get(handle.id);
    return (s?.followups ?? []).map((id) => this.messages.get(id)).filter((m): m is FakeMessage => Boolean(m));
  }

  /** Sends any gateway dispatch to every connected bot session. Returns how many sessions got it. */
  dispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }

  /** Closes all gateway connections. Default code 4000 → discord.js resumes; 1000 → it re-identifies (throttled ~5 s). */
  disconnectAll(opts: { code?: number; reason?: string; terminate?: boolean } = {}): void {
    this.gateway.disconnectAll(opts);
  }

  /** Sends op 7 RECONNECT to connected sessions. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Sends op 9 INVALID SESSION (not resumable): discord.js re-identifies. */
  invalidateSessions(): void {
    this.gateway.invalidateSessions();
  }

  /**
   * Resolves with the first truthy value of `predicate`, re-checked on every request, message change and gateway
   * event (and every 20 ms); rejects after `timeoutMs`.
   */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 2000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        this.events.off('changed', check);
        clearInterval(poll);
        clearTimeout(timer);
      };
      function check(): void {
        if (done) return;
        let v: T | undefined | null | false;
        try {
          v = predicate();
        } catch (e) {
          finish();
          reject(e as Error);
          return;
        }
        if (v !== undefined && v !== null && v !== false) {
          finish();
          resolve(v);
        }
      }
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        if (done) return;
        finish();
        const last = this.requests.slice(-5).map((r) => `${r.method} ${r.path} → ${r.status ?? '…'}`);
        reject(
          new Error(
            `fake-discord: timed out after ${timeoutMs} ms waiting for ${what}. Last requests: ${last.join('; ') || 'none'}. Violations: ${this.violations.join(' | ') || 'none'}`,
          ),
        );
      }, timeoutMs);
      this.events.on('changed', check);
      check();
    });
  }

  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 2000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(match), timeoutMs, 'a matching request');
  }

  waitForMessage(match: (m: FakeMessage) => boolean, timeoutMs = 2000): Promise<FakeMessage> {
    return this.waitFor(() => [...this.messages.values()].find(match), timeoutMs, 'a matching message');
  }

  /** Returns and clears the violations (for tests that provoke some on purpose). */
  takeViolations(): string[] {
    return this.violations.splice(0, this.violations.length);
  }

  /** Forgets requests, violations, messages and interactions (keeps commands, guilds and gateway sessions). */
  reset(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.messages.clear();
    this.interactions.length = 0;
    this.interactionStates.clear();
    this.byToken.clear();
  }

  private closed = false;

  /** Stops the server (idempotent). Connected clients see their socket drop. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.gateway.close();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    this.events.removeAllListeners();
  }

  // ---------------- internals used by the routes ----------------

  /** @internal */
  interactionStateByToken(token: string): InteractionState | undefined {
    return this.byToken.get(token);
  }

  /** @internal */
  findChannel(id: string): (FakeChannel | (FakeChannel & { recipients: FakeUser[] })) | undefined {
    for (const g of this.guilds) {
      const c = g.channels.find((x) => x.id === id);
      if (c) return c;
    }
    return [...this.dmChannels.values()].find((c) => c.id === id);
  }

  /** @internal */
  violation(msg: string): void {
    this.violations.push(msg);
    this.changed();
  }

  /** @internal */
  changed(): void {
    this.events.emit('changed');
  }

  private dmChannel(u: FakeUser) {
    let c = this.dmChannels.get(u.id);
    if (!c) {
      c = {
        id: snowflake(),
        type: 1,
        guild_id: '',
        name: '',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
        recipients: [u],
      };
      this.dmChannels.set(u.id, c);
    }
    return c;
  }

  private liveMessage(id: string): FakeMessage {
    const m = this.messages.get(id);
    if (!m || m.deleted) throw new Error(`fake-discord: no live message ${id}`);
    return m;
  }

  private dispatchInteraction(built: BuiltInteraction, sourceMessageId?: string): InteractionHandle {
    const target = this.gateway.liveSessions().at(-1);
    if (!target) throw new Error('fake-discord: no bot session is connected (did the client log in?)');
    let resolve!: (c: CallbackRecord) => void;
    const callback = new Promise<CallbackRecord>((r) => (resolve = r));
    const label =
      built.type === 3
        ? `component ${(built.payload.data as { custom_id: string }).custom_id}`
        : `/${(built.payload.data as { name: string }).name}`;
    const handle: InteractionHandle = {
      id: built.id,
      token: built.token,
      type: built.type,
      payload: built.payload,
      sentAt: 0,
      callback,
      wait: (timeoutMs = this.interactionTimeoutMs + 1000) =>
        Promise.race([
          callback,
          new Promise<never>((_, reject) => {
            const t = setTimeout(
              () =>
                reject(
                  new Error(
                    `fake-discord: interaction ${built.id} (${label}) got no callback within ${timeoutMs} ms. Violations: ${this.violations.join(' | ') || 'none'}`,
                  ),
                ),
              timeoutMs,
            );
            void callback.then(() => clearTimeout(t));
          }),
        ]),
    };
    const state: InteractionState = {
      handle,
      built,
      resolve,
      acknowledged: false,
      followups: [],
      loading: false,
      ...(sourceMessageId ? { sourceMessageId } : {}),
    };
    this.interactionStates.set(built.id, state);
    this.byToken.set(built.token, state);
    this.interactions.push(handle);
    handle.sentAt = performance.now();
    this.gateway.dispatch('INTERACTION_CREATE', built.payload, target);
    return handle;
  }
}

function specWithoutBodies(spec: SpecValidator): SpecValidator {
  return Object.assign(Object.create(spec) as SpecValidator, { validateBody: () => [] });
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  server.keepAliveTimeout = 5_000;
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return new FakeDiscord(port, server, wss, opts);
}
