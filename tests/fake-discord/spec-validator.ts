/**
 * Validates request bodies against Discord's own OpenAPI description, the copy the repo carries in
 * `tests/fixtures/discord-api-spec/` (`FAKE_DISCORD_SPEC` overrides it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type KeywordDefinition, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { patchSchemas } from './spec-patches.js';

// ajv-formats is CJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_SPEC_PATH = path.resolve(REPO_ROOT, 'tests/fixtures/discord-api-spec/openapi.json');

const BASE_ID = 'https://fake-discord.invalid/openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface SpecOperation {
  method: string;
  /** Path template as written in the spec, e.g. `/webhooks/{webhook_id}/{webhook_token}/messages/@original`. */
  template: string;
  operationId: string;
  segments: string[];
  literalCount: number;
  hasJsonBody: boolean;
  /** True when the spec lists no security requirement that may be empty (i.e. a bot token is required). */
  requiresAuth: boolean;
}

export interface Issue {
  /** JSON pointer into the body, e.g. `/data/embeds/0/title` ('' for the root). */
  instancePath: string;
  keyword: string;
  message: string;
}

interface SpecFile {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

export class SpecValidator {
  readonly operations: SpecOperation[] = [];
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(readonly specPath: string) {
    let text: string;
    try {
      text = readFileSync(specPath, 'utf8');
    } catch (e) {
      throw new Error(
        `fake-discord: cannot read Discord's OpenAPI description at ${specPath} (the repo carries it in tests/fixtures/discord-api-spec/, "npm run update-discord-spec" refreshes it; FAKE_DISCORD_SPEC overrides the path): ${(e as Error).message}`,
      );
    }
    const spec = JSON.parse(text) as SpecFile;
    const bodies: Record<string, Record<string, unknown>> = {};
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const op = item[method] as
          | {
              operationId: string;
              security?: Array<Record<string, unknown>>;
              requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
            }
          | undefined;
        if (!op) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (schema) bodies[op.operationId] = structuredClone(schema);
        const segments = template.split('/').filter(Boolean);
        this.operations.push({
          method: method.toUpperCase(),
          template,
          operationId: op.operationId,
          segments,
          literalCount: segments.filter((s) => !s.startsWith('{')).length,
          hasJsonBody: Boolean(schema),
          requiresAuth: !(op.security ?? []).some((s) => Object.keys(s).length === 0),
        });
      }
    }
    const schemas = structuredClone(spec.components.schemas);
    patchSchemas(schemas, Object.values(bodies), BASE_ID);

    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      allowUnionTypes: true,
      validateFormats: true,
    });
    addFormats(this.ajv);
    this.ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
    this.ajv.addFormat('nonce', true);
    this.ajv.addKeyword('x-discord-union');
    this.ajv.addKeyword(this.bestOfKeyword());
    this.ajv.addSchema({ $id: BASE_ID, components: { schemas }, operations: bodies });
  }

  /** See spec-patches.ts: anyOf/oneOf that reports only the errors of the closest branch. */
  private bestOfKeyword(): KeywordDefinition {
    const ajv = this.ajv;
    const fnCache = new WeakMap<object, ValidateFunction[]>();
    const validate = (
      schema: { mode: 'anyOf' | 'oneOf'; branches: object[] },
      data: unknown,
      _parent?: unknown,
      cxt?: { instancePath: string },
    ): boolean => {
      let fns = fnCache.get(schema);
      if (!fns) {
        // Compiled lazily, at first use, so recursive schemas never compile re-entrantly.
        fns = schema.branches.map((b) => ajv.compile(b));
        fnCache.set(schema, fns);
      }
      let passes = 0;
      let best: ErrorObject[] | undefined;
      for (const fn of fns) {
        if (fn(data)) passes++;
        else if (!best || (fn.errors?.length ?? 0) < best.length) best = [...(fn.errors ?? [])];
      }
      if (schema.mode === 'anyOf' ? passes > 0 : passes === 1) return true;
      const prefix = cxt?.instancePath ?? '';
      validateWithErrors.errors =
        passes > 1
          ? [
              {
                instancePath: prefix,
                schemaPath: '',
                keyword: 'oneOf',
                params: {},
                message: 'must match exactly one schema in oneOf',
              },
            ]
          : (best ?? []).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
      return false;
    };
    const validateWithErrors = Object.assign(validate, { errors: null as ErrorObject[] | null });
    return {
      keyword: 'x-best-of',
      schemaType: 'object',
      errors: true,
      validate: validateWithErrors as unknown as NonNullable<
        Extract<KeywordDefinition, { validate?: unknown }>['validate']
      >,
    };
  }

  private static cache = new Map<string, SpecValidator>();

  static load(specPath: string = process.env.FAKE_DISCORD_SPEC ?? DEFAULT_SPEC_PATH): SpecValidator {
    let v = SpecValidator.cache.get(specPath);
    if (!v) {
      v = new SpecValidator(specPath);
      SpecValidator.cache.set(specPath, v);
    }
    return v;
  }

  /** Finds the operation for a method and a decoded path relative to `/api/v10`; literal segments win over parameters. */
  findOperation(method: string, relPath: string): SpecOperation | undefined {
    const segs = relPath.split('/').filter(Boolean);
    let best: SpecOperation | undefined;
    for (const op of this.operations) {
      if (op.method !== method || op.segments.length !== segs.length) continue;
      const ok = op.segments.every((s, i) => (s.startsWith('{') ? segs[i] !== '' : s === segs[i]));
      if (ok && (!best || op.literalCount > best.literalCount)) best = op;
    }
    return best;
  }

  validateBody(op: SpecOperation, body: unknown): Issue[] {
    if (!op.hasJsonBody) return [];
    let fn = this.compiled.get(op.operationId);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${BASE_ID}#/operations/${op.operationId}` });
      this.compiled.set(op.operationId, fn);
    }
    if (fn(body)) return [];
    return simplifyErrors(fn.errors ?? []);
  }
}

/** Keeps the errors that say what is wrong; drops union/if bookkeeping and duplicates. */
function simplifyErrors(errors: ErrorObject[]): Issue[] {
  const useful = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not', 'then', 'else'].includes(e.keyword));
  const chosen = useful.length > 0 ? useful : errors;
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of chosen) {
    let message = e.message ?? e.keyword;
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) {
      message += `: ${JSON.stringify(e.params.allowedValues)}`;
    }
    if (e.keyword === 'oneOf' && e.message === 'must match exactly one schema in oneOf' && useful.length) continue;
    if (e.keyword === 'required') message = `must have required property '${String(e.params.missingProperty)}'`;
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ instancePath: e.instancePath, keyword: e.keyword, message });
  }
  return out;
}
