/**
 * Limits Discord enforces that its OpenAPI description does not (or only partly) express.
 * Sources: https://discord.com/developers/docs/resources/message#embed-object-embed-limits,
 * …/interactions/message-components, …/interactions/receiving-and-responding.
 */
import type { Issue } from './spec-validator.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

const IS_COMPONENTS_V2 = 1 << 15;

export interface MessageRuleOptions {
  /** The body creates or edits a message: it must say which mentions may ping. */
  requireAllowedMentions: boolean;
  /** A create (not an edit): an empty message is refused (Discord code 50006). */
  isCreate: boolean;
  /** Files were attached in the multipart request. */
  hasFiles?: boolean;
}

export function checkMessageBody(body: unknown, prefix: string, opts: MessageRuleOptions): Issue[] {
  const out: Issue[] = [];
  const add = (path: string, keyword: string, message: string) =>
    out.push({ instancePath: prefix + path, keyword, message });
  if (!isObj(body)) {
    if (opts.requireAllowedMentions) add('', 'required', "must have required property 'allowed_mentions'");
    return out;
  }

  if (opts.requireAllowedMentions && (body.allowed_mentions === undefined || body.allowed_mentions === null)) {
    add(
      '',
      'required',
      "must have required property 'allowed_mentions' (every message the bot creates or edits must say which mentions may ping)",
    );
  }

  if (len(body.content) > 2000) add('/content', 'maxLength', 'must NOT have more than 2000 characters');

  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) add('/embeds', 'maxItems', 'must NOT have more than 10 items');
  let total = 0;
  const urls = new Map<string, number>();
  embeds.forEach((e, i) => {
    if (!isObj(e)) return;
    const p = `/embeds/${i}`;
    if (len(e.title) > 256) add(`${p}/title`, 'maxLength', 'must NOT have more than 256 characters');
    if (len(e.description) > 4096) add(`${p}/description`, 'maxLength', 'must NOT have more than 4096 characters');
    total += len(e.title) + len(e.description);
    const fields = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) add(`${p}/fields`, 'maxItems', 'must NOT have more than 25 items');
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      if (len(f.name) > 256) add(`${p}/fields/${j}/name`, 'maxLength', 'must NOT have more than 256 characters');
      if (len(f.value) > 1024) add(`${p}/fields/${j}/value`, 'maxLength', 'must NOT have more than 1024 characters');
      if (len(f.name) === 0) add(`${p}/fields/${j}/name`, 'minLength', 'must NOT be empty');
      if (len(f.value) === 0) add(`${p}/fields/${j}/value`, 'minLength', 'must NOT be empty');
      total += len(f.name) + len(f.value);
    });
    if (isObj(e.footer)) {
      if (len(e.footer.text) > 2048) add(`${p}/footer/text`, 'maxLength', 'must NOT have more than 2048 characters');
      total += len(e.footer.text);
    }
    if (isObj(e.author)) {
      if (len(e.author.name) > 256) add(`${p}/author/name`, 'maxLength', 'must NOT have more than 256 characters');
      total += len(e.author.name);
    }
    if (typeof e.url === 'string' && e.url !== '') {
      const first = urls.get(e.url);
      if (first !== undefined) {
        add(`${p}/url`, 'uniqueItems', `must differ from embeds/${first}/url (Discord merges embeds that share a url)`);
      } else urls.set(e.url, i);
    }
  });
  if (total > 6000) add('/embeds', 'maxLength', `total embed characters must be at most 6000 (got ${total})`);

  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (Array.isArray(body.components)) checkComponents(body.components, (flags & IS_COMPONENTS_V2) !== 0, add);

  if (opts.isCreate) {
    const hasContent = len(body.content) > 0;
    const has = (k: string) => Array.isArray(body[k]) && (body[k] as unknown[]).length > 0;
    if (!hasContent && !has('embeds') && !has('components') && !has('sticker_ids') && !body.poll && !opts.hasFiles) {
      add('', 'minProperties', 'Cannot send an empty message (needs content, embeds, components, files or a poll)');
    }
  }
  return out;
}

function checkComponents(rows: unknown[], v2: boolean, add: (p: string, k: string, m: string) => void): void {
  const customIds = new Map<string, string>();
  const seeId = (id: unknown, p: string) => {
    if (typeof id !== 'string') return;
    if (id.length > 100) add(`${p}/custom_id`, 'maxLength', 'must NOT have more than 100 characters');
    const prev = customIds.get(id);
    if (prev !== undefined) add(`${p}/custom_id`, 'uniqueItems', `custom_id "${id}" is already used at ${prev}`);
    else customIds.set(id, p.slice(1));
  };

  const checkButton = (b: Obj, p: string) => {
    if (len(b.label) > 80) add(`${p}/label`, 'maxLength', 'must NOT have more than 80 characters');
    if (b.style === 5) {
      if (typeof b.url !== 'string') add(p, 'required', "must have required property 'url' (link button)");
      if (b.custom_id !== undefined) add(`${p}/custom_id`, 'not', 'a link button must not have a custom_id');
    } else if (b.style === 6) {
      if (b.sku_id === undefined) add(p, 'required', "must have required property 'sku_id' (premium button)");
    } else {
      if (typeof b.custom_id !== 'string') add(p, 'required', "must have required property 'custom_id'");
      if (b.url !== undefined) add(`${p}/url`, 'not', 'only link buttons may have a url');
    }
    seeId(b.custom_id, p);
  };

  const checkSelect = (s: Obj, p: string) => {
    seeId(s.custom_id, p);
    if (s.type !== 3) return;
    const options = Array.isArray(s.options) ? s.options : [];
    if (options.length < 1 || options.length > 25) {
      add(
        `${p}/options`,
        options.length < 1 ? 'minItems' : 'maxItems',
        `must have 1-25 options (got ${options.length})`,
      );
    }
    const min = typeof s.min_values === 'number' ? s.min_values : 1;
    const max = typeof s.max_values === 'number' ? s.max_values : 1;
    if (min > max) add(`${p}/min_values`, 'maximum', `min_values (${min}) must be <= max_values (${max})`);
    if (max > options.length && options.length > 0) {
      add(`${p}/max_values`, 'maximum', `max_values (${max}) must be <= the number of options (${options.length})`);
    }
    const values = new Set<string>();
    options.forEach((o, k) => {
      if (!isObj(o)) return;
      if (len(o.label) > 100) add(`${p}/options/${k}/label`, 'maxLength', 'must NOT have more than 100 characters');
      if (len(o.value) > 100) add(`${p}/options/${k}/value`, 'maxLength', 'must NOT have more than 100 characters');
      if (len(o.description) > 100)
        add(`${p}/options/${k}/description`, 'maxLength', 'must NOT have more than 100 characters');
      if (typeof o.value === 'string') {
        if (values.has(o.value)) add(`${p}/options/${k}/value`, 'uniqueItems', `duplicate option value "${o.value}"`);
        values.add(o.value);
      }
    });
  };

  const visit = (c: unknown, p: string) => {
    if (!isObj(c)) return;
    if (c.type === 2) checkButton(c, p);
    else if (typeof c.type === 'number' && [3, 5, 6, 7, 8].includes(c.type)) checkSelect(c, p);
    else if (c.type === 4) seeId(c.custom_id, p);
    for (const key of ['components', 'accessory']) {
      const child = c[key];
      if (Array.isArray(child)) for (const [i, cc] of child.entries()) visit(cc, `${p}/${key}/${i}`);
      else if (isObj(child)) visit(child, `${p}/${key}`);
    }
  };

  if (!v2) {
    if (rows.length > 5) add('/components', 'maxItems', `must NOT have more than 5 action rows (got ${rows.length})`);
    rows.forEach((row, i) => {
      const p = `/components/${i}`;
      if (!isObj(row) || row.type !== 1) {
        add(p, 'type', 'top-level components must be action rows (type 1) unless flags has IS_COMPONENTS_V2');
        return;
      }
      const children = Array.isArray(row.components) ? row.components : [];
      const buttons = children.filter((c) => isObj(c) && c.type === 2).length;
      if (buttons > 5) add(`${p}/components`, 'maxItems', `must NOT have more than 5 buttons per row (got ${buttons})`);
      if (children.length > 1 && children.some((c) => isObj(c) && c.type !== 2)) {
        add(`${p}/components`, 'maxItems', 'a select menu must be alone in its action row');
      }
    });
  }
  for (const [i, row] of rows.entries()) visit(row, `/components/${i}`);
}

export function checkAutocompleteData(data: unknown, prefix: string): Issue[] {
  const out: Issue[] = [];
  if (!isObj(data) || !Array.isArray(data.choices)) {
    out.push({ instancePath: prefix, keyword: 'required', message: "must have required property 'choices'" });
    return out;
  }
  if (data.choices.length > 25) {
    out.push({
      instancePath: `${prefix}/choices`,
      keyword: 'maxItems',
      message: `must NOT have more than 25 items (got ${data.choices.length})`,
    });
  }
  data.choices.forEach((c, i) => {
    if (!isObj(c)) return;
    if (len(c.name) > 100 || len(c.name) < 1) {
      out.push({
        instancePath: `${prefix}/choices/${i}/name`,
        keyword: len(c.name) < 1 ? 'minLength' : 'maxLength',
        message: 'must be 1-100 characters',
      });
    }
    if (len(c.value) > 100) {
      out.push({
        instancePath: `${prefix}/choices/${i}/value`,
        keyword: 'maxLength',
        message: 'must NOT have more than 100 characters',
      });
    }
  });
  return out;
}

export function checkModalData(data: unknown, prefix: string): Issue[] {
  const out: Issue[] = [];
  if (!isObj(data)) return out;
  if (len(data.custom_id) > 100)
    out.push({
      instancePath: `${prefix}/custom_id`,
      keyword: 'maxLength',
      message: 'must NOT have more than 100 characters',
    });
  if (len(data.title) > 45)
    out.push({
      instancePath: `${prefix}/title`,
      keyword: 'maxLength',
      message: 'must NOT have more than 45 characters',
    });
  const rows = Array.isArray(data.components) ? data.components : [];
  if (rows.length < 1 || rows.length > 5) {
    out.push({
      instancePath: `${prefix}/components`,
      keyword: 'maxItems',
      message: `must have 1-5 components (got ${rows.length})`,
    });
  }
  const ids = new Set<string>();
  const visit = (c: unknown, p: string) => {
    if (!isObj(c)) return;
    if (typeof c.custom_id === 'string') {
      if (c.custom_id.length > 100)
        out.push({
          instancePath: `${p}/custom_id`,
          keyword: 'maxLength',
          message: 'must NOT have more than 100 characters',
        });
      if (ids.has(c.custom_id))
        out.push({
          instancePath: `${p}/custom_id`,
          keyword: 'uniqueItems',
          message: `custom_id "${c.custom_id}" is used twice`,
        });
      ids.add(c.custom_id);
    }
    for (const key of ['components', 'component']) {
      const child = c[key];
      if (Array.isArray(child)) for (const [i, cc] of child.entries()) visit(cc, `${p}/${key}/${i}`);
      else if (isObj(child)) visit(child, `${p}/${key}`);
    }
  };
  for (const [i, r] of rows.entries()) visit(r, `${prefix}/components/${i}`);
  return out;
}

/** Merges spec issues and rule issues, dropping a rule issue that repeats a spec issue at the same place. */
export function mergeIssues(spec: Issue[], rules: Issue[]): Issue[] {
  const seen = new Set(spec.map((i) => `${i.instancePath}|${i.keyword}`));
  return [...spec, ...rules.filter((i) => !seen.has(`${i.instancePath}|${i.keyword}`))];
}
