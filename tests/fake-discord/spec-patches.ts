/**
 * Rewrites applied to Discord's OpenAPI 3.1 schemas before compiling them with ajv.
 * None of them changes what is accepted, except `permissionStrings` (see below); they exist
 * so that a failure yields one precise error instead of one per union branch.
 *
 * Quirks of the spec handled here:
 *  - Nullability is expressed as `oneOf: [{type: 'null'}, X]` (305 times). On failure ajv reports
 *    "must be null" + X's errors + "must match exactly one schema". Rewritten to
 *    `if: {type: 'null'}, then: true, else: X`, which reports only X's errors.
 *  - Tagged unions (`oneOf`/`anyOf` whose branches are objects carrying an integer `type` const/enum,
 *    e.g. message components, callback bodies) are rewritten into an if/then chain keyed on `type`,
 *    so an invalid button reports the button's error rather than the errors of all six branches.
 *    Ajv's own `discriminator` keyword cannot be used: it only supports string tags.
 *  - Enumerations are written as `oneOf` of `{title, const}` branches ("must be equal to constant" ×N on
 *    failure): rewritten to one `enum`.
 *  - Remaining untagged unions (e.g. autocomplete `data`: integer/number/string choices; execute_webhook's
 *    anyOf of two overlapping partials marked `x-discord-union: oneOf`, which would always fail as a real
 *    oneOf) become the custom keyword `x-best-of`: same acceptance as the original keyword (anyOf, or
 *    exactly-one for oneOf), but on failure only the errors of the closest branch are reported.
 *  - `$ref`s are made absolute so any sub-schema can be compiled on its own (needed by `x-best-of`).
 *  - Bitfield permissions (`default_member_permissions`, …) are declared `integer` with a maximum
 *    above 2^53, but Discord (and discord.js) send them as decimal strings: digit strings are accepted.
 */
type Node = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

function isObj(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNullSchema(v: unknown): boolean {
  return isObj(v) && v.type === 'null' && Object.keys(v).length === 1;
}

export function patchSchemas(schemas: Record<string, unknown>, extraRoots: Node[], baseId: string): void {
  const resolve = (s: unknown): Node | undefined => {
    let cur = s;
    for (let i = 0; i < 10 && isObj(cur) && typeof cur.$ref === 'string'; i++) {
      const ref = cur.$ref;
      const at = ref.indexOf(REF_PREFIX);
      if (at < 0) return undefined;
      cur = schemas[ref.slice(at + REF_PREFIX.length)];
    }
    return isObj(cur) ? cur : undefined;
  };

  const tagValues = (branch: unknown): unknown[] | undefined => {
    const s = resolve(branch);
    if (!s) return undefined;
    const props = s.properties;
    if (!isObj(props) || !isObj(props.type)) return undefined;
    if (!Array.isArray(s.required) || !s.required.includes('type')) return undefined;
    const t = props.type;
    if ('const' in t) return [t.const];
    if (Array.isArray(t.enum)) return t.enum;
    return undefined;
  };

  const rewriteUnion = (node: Node, key: 'oneOf' | 'anyOf'): Node => {
    const branches = node[key];
    if (!Array.isArray(branches)) return node;
    const rest: Node = { ...node };
    delete rest[key];

    // 0) enumeration written as a union of consts
    if (branches.length >= 1 && branches.every((b) => isObj(b) && 'const' in b)) {
      return { ...rest, enum: branches.map((b) => (b as Node).const) };
    }

    // 1) nullable: oneOf [ {type:null}, X, ... ]
    const nulls = branches.filter(isNullSchema);
    if (nulls.length === 1 && branches.length >= 2) {
      const others = branches.filter((b) => !isNullSchema(b));
      const elseSchema = others.length === 1 ? (others[0] as Node) : rewriteUnion({ [key]: others }, key);
      return { ...rest, if: { type: 'null' }, then: true, else: elseSchema };
    }

    // 2) tagged union on an integer `type`
    const tags = branches.map(tagValues);
    if (branches.length >= 2 && tags.every((t) => t !== undefined)) {
      const all = (tags as unknown[][]).flat();
      if (new Set(all).size === all.length) {
        return {
          ...rest,
          type: 'object',
          required: ['type'],
          properties: { type: { enum: all } },
          allOf: branches.map((b, i) => ({
            if: { required: ['type'], properties: { type: { enum: tags[i] } } },
            then: b,
          })),
        };
      }
    }

    // 3) anything else: report the closest branch only
    if (branches.length >= 2) return { ...rest, 'x-best-of': { mode: key, branches } };
    return node;
  };

  const permissionStrings = (node: Node): Node => {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (
      types.includes('integer') &&
      node.format === undefined &&
      typeof node.maximum === 'number' &&
      node.maximum > Number.MAX_SAFE_INTEGER
    ) {
      return { ...node, type: [...types, 'string'], pattern: '^[0-9]+$' };
    }
    return node;
  };

  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    let node: Node = {};
    for (const [k, child] of Object.entries(v)) {
      node[k] = k === '$ref' && typeof child === 'string' && child.startsWith('#/') ? baseId + child : walk(child);
    }
    if (Array.isArray(node.oneOf)) node = rewriteUnion(node, 'oneOf');
    if (Array.isArray(node.anyOf)) node = rewriteUnion(node, 'anyOf');
    node = permissionStrings(node);
    return node;
  };

  // Tag detection reads the original (un-rewritten) component schemas, which keep their
  // `properties.type` / `required`, so the order of rewriting does not matter.
  const patched: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schemas)) patched[name] = walk(s);
  for (const root of extraRoots) {
    const w = walk(root) as Node;
    for (const k of Object.keys(root)) delete root[k];
    Object.assign(root, w);
  }
  Object.assign(schemas, patched);
}
