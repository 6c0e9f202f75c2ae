/** REST plumbing: record every request, check auth, validate the body, dispatch to a route, answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, readBody } from './http-body.js';
import { errors, invalidFormBody, type DiscordError } from './errors.js';
import type { FileInfo } from './message-store.js';
import type { Issue, SpecOperation, SpecValidator } from './spec-validator.js';
import { mergeIssues } from './message-rules.js';
import { faultAnswer, type Fault, type FaultPlan } from './faults.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The raw request URL. */
  url: string;
  /** Spec path template of the matched operation, if any. */
  route?: string;
  operationId?: string;
  query: Record<string, string>;
  /** Request headers, lower-cased, without `authorization`. */
  headers: Record<string, string>;
  /** Whether an Authorization header was present (its value is never recorded). */
  authorization: boolean;
  /** JSON body (for multipart: the parsed `payload_json`). */
  body: unknown;
  files: FileInfo[];
  /** performance.now() when the request arrived. */
  at: number;
  /** The injected fault that hit this request, if any. */
  fault?: Fault;
  /** Filled in when answered. */
  status?: number;
  response?: unknown;
}

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: FileInfo[];
  record: RecordedRequest;
}

interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  /** Runs before `handle` and before any state changes: Discord's extra rules, or a state error (unknown interaction, …). */
  check?: (req: RouteRequest) => Issue[] | DiscordError | undefined;
  handle: (req: RouteRequest) => RouteResult | DiscordError;
}

export interface RestDeps {
  spec: SpecValidator | null;
  routes: Map<string, Route>;
  requests: RecordedRequest[];
  /** If set, bot-token routes must carry `Authorization: Bot <token>`. */
  token?: string;
  violation: (msg: string) => void;
  changed: () => void;
  faults?: FaultPlan;
}

const isDiscordError = (v: unknown): v is DiscordError =>
  typeof v === 'object' && v !== null && (v as DiscordError).isError === true;

function describe(issue: Issue): string {
  return `${issue.instancePath || '(body)'} ${issue.message}`;
}

export function makeRestHandler(deps: RestDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const parsed = await parseBody(raw, req.headers['content-type']);

    const segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    const versioned = segments[0] === 'api' && segments[1] === 'v10';
    const relPath = '/' + segments.slice(versioned ? 2 : 0).join('/');

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k !== 'authorization' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const record: RecordedRequest = {
      method,
      path: relPath,
      url: req.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      headers,
      authorization: req.headers.authorization !== undefined,
      body: parsed.body,
      files: parsed.files,
      at: performance.now(),
    };
    deps.requests.push(record);
    deps.changed();

    const where = `${method} ${relPath}`;
    const fault = deps.faults?.take(method, relPath);
    if (fault) record.fault = fault;
    if (fault?.reset) {
      record.status = 0;
      req.socket.destroy();
      deps.changed();
      return;
    }
    if (fault?.status) {
      const injected = faultAnswer(fault);
      record.status = injected.status;
      record.response = injected.body;
      const text = JSON.stringify(injected.body);
      res.writeHead(injected.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...injected.headers,
      });
      res.end(text);
      deps.changed();
      return;
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    const answer = (status: number, body?: unknown) => {
      record.status = status;
      if (fault?.lostResponse) {
        // The side effect happened; the answer never arrives.
        record.response = body;
        req.socket.destroy();
        deps.changed();
        return;
      }
      record.response = body;
      if (status === 204 || body === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      }
      deps.changed();
    };
    const fail = (e: DiscordError, why: string) => {
      deps.violation(`${where}: ${why}`);
      answer(e.status, e.body);
    };

    if (!versioned) return fail(errors.notFound(), `unhandled route (expected the /api/v10 prefix)`);

    const op: SpecOperation | undefined = deps.spec?.findOperation(method, relPath);
    const route = op ? deps.routes.get(`${method} ${op.template}`) : undefined;
    if (op) {
      record.route = op.template;
      record.operationId = op.operationId;
    }
    if (!op || !route) {
      return fail(
        errors.notFound(),
        `unhandled route${op ? ` (${op.operationId} is not implemented by the fake)` : ' (not in the spec)'}`,
      );
    }

    const auth = req.headers.authorization;
    if (op.requiresAuth && auth === undefined) return fail(errors.unauthorized(), 'missing Authorization header');
    if (auth !== undefined && deps.token !== undefined && auth !== `Bot ${deps.token}`) {
      return fail(errors.unauthorized(), 'Authorization header does not carry the configured bot token');
    }
    if (parsed.error) {
      return fail(
        { isError: true, status: 400, body: { code: 50109, message: 'The request body contains invalid JSON.' } },
        parsed.error,
      );
    }

    const params: Record<string, string> = {};
    op.segments.forEach((s, i) => {
      if (s.startsWith('{')) params[s.slice(1, -1)] = segments[i + 2] ?? '';
    });
    const rreq: RouteRequest = {
      method,
      path: relPath,
      params,
      query: url.searchParams,
      body: parsed.body,
      files: parsed.files,
      record,
    };

    try {
      const specIssues = deps.spec && parsed.body !== undefined ? deps.spec.validateBody(op, parsed.body) : [];
      const checked = route.check?.(rreq);
      if (isDiscordError(checked))
        return fail(
          checked,
          `${checked.body.code} ${checked.body.message}${checked.detail ? ` (${checked.detail})` : ''}`,
        );
      const issues = mergeIssues(specIssues, checked ?? []);
      if (issues.length > 0) {
        for (const i of issues) deps.violation(`${where}: ${describe(i)}`);
        const e = invalidFormBody(issues);
        return answer(e.status, e.body);
      }
      const result = route.handle(rreq);
      if (isDiscordError(result))
        return fail(result, `${result.body.code} ${result.body.message}${result.detail ? ` (${result.detail})` : ''}`);
      return answer(result.status, result.body);
    } catch (e) {
      return fail(
        errors.internal((e as Error).message),
        `fake-discord internal error: ${(e as Error).stack ?? String(e)}`,
      );
    }
  };
}
