/** Every message the bot creates or edits, kept as Discord message objects plus a little bookkeeping. */
import { snowflake } from './snowflake.js';
import type { FakeUser } from './entities.js';

export const EPHEMERAL = 1 << 6;
export const LOADING = 1 << 7;
/** Flags a client may change on edit (SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2). */
const EDITABLE_FLAGS = (1 << 2) | (1 << 12) | (1 << 15);

export interface Revision {
  at: number;
  via: string;
  body: Record<string, unknown>;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: FakeUser;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  attachments: Array<Record<string, unknown>>;
  flags: number;
  type: number;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: unknown[];
  mention_roles: string[];
  pinned: boolean;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: Record<string, unknown>;
  message_reference?: unknown;
  poll?: unknown;
  // ---- bookkeeping, never sent to the bot ----
  /** `allowed_mentions` of the latest body that created or edited the message (undefined if absent). */
  allowed_mentions: unknown;
  /** Every body that created or edited it, oldest first. */
  revisions: Revision[];
  /** Interaction whose response (or followup) this is. */
  interactionId?: string;
  deleted: boolean;
}

const BOOKKEEPING = new Set(['allowed_mentions', 'revisions', 'interactionId', 'deleted']);

export interface FileInfo {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface CreateMessageArgs {
  channelId: string;
  guildId?: string;
  author: FakeUser;
  body: Record<string, unknown>;
  type: number;
  via: string;
  webhookId?: string;
  applicationId?: string;
  interactionId?: string;
  interactionMetadata?: Record<string, unknown>;
  files?: FileInfo[];
  extraFlags?: number;
}

export class MessageStore {
  readonly messages = new Map<string, FakeMessage>();
  constructor(private readonly attachmentBase: () => string) {}

  create(a: CreateMessageArgs): FakeMessage {
    const id = snowflake();
    const body = a.body;
    const msg: FakeMessage = {
      id,
      channel_id: a.channelId,
      ...(a.guildId ? { guild_id: a.guildId } : {}),
      author: a.author,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: normalizeEmbeds(body.embeds),
      components: Array.isArray(body.components) ? structuredClone(body.components) : [],
      attachments: this.attachments(body, a.files ?? []),
      flags: ((typeof body.flags === 'number' ? body.flags : 0) | (a.extraFlags ?? 0)) >>> 0,
      type: a.type,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      ...(a.webhookId ? { webhook_id: a.webhookId } : {}),
      ...(a.applicationId ? { application_id: a.applicationId } : {}),
      ...(a.interactionMetadata ? { interaction_metadata: a.interactionMetadata } : {}),
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
      ...(body.poll ? { poll: body.poll } : {}),
      allowed_mentions: body.allowed_mentions,
      revisions: [{ at: performance.now(), via: a.via, body: structuredClone(body) }],
      ...(a.interactionId ? { interactionId: a.interactionId } : {}),
      deleted: false,
    };
    this.messages.set(id, msg);
    return msg;
  }

  /** Applies an edit body (PATCH semantics: absent = unchanged, null = cleared). */
  edit(msg: FakeMessage, body: Record<string, unknown>, via: string, files: FileInfo[] = []): FakeMessage {
    if ('content' in body) msg.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) msg.embeds = normalizeEmbeds(body.embeds);
    if ('components' in body) msg.components = Array.isArray(body.components) ? structuredClone(body.components) : [];
    if ('attachments' in body || files.length > 0) msg.attachments = this.attachments(body, files);
    if (typeof body.flags === 'number') {
      msg.flags = ((msg.flags & ~EDITABLE_FLAGS) | (body.flags & EDITABLE_FLAGS)) >>> 0;
    }
    msg.flags = (msg.flags & ~LOADING) >>> 0;
    msg.allowed_mentions = body.allowed_mentions;
    msg.edited_timestamp = new Date().toISOString();
    msg.revisions.push({ at: performance.now(), via, body: structuredClone(body) });
    return msg;
  }

  /** The message as Discord would send it (bookkeeping stripped). */
  serve(msg: FakeMessage): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(msg)) if (!BOOKKEEPING.has(k)) out[k] = structuredClone(v);
    return out;
  }

  private attachments(body: Record<string, unknown>, files: FileInfo[]): Array<Record<string, unknown>> {
    const declared = Array.isArray(body.attachments) ? (body.attachments as Array<Record<string, unknown>>) : [];
    const out: Array<Record<string, unknown>> = [];
    files.forEach((f, i) => {
      const meta = declared.find((d) => String(d.id) === String(i)) ?? {};
      const id = snowflake();
      out.push({
        id,
        filename: typeof meta.filename === 'string' ? meta.filename : f.name,
        size: f.size,
        content_type: f.contentType,
        url: `${this.attachmentBase()}/attachments/${id}/${encodeURIComponent(f.name)}`,
        proxy_url: `${this.attachmentBase()}/attachments/${id}/${encodeURIComponent(f.name)}`,
        ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
      });
    });
    // Existing attachments kept by id on edits.
    for (const d of declared) if (typeof d.id === 'string' && d.id.length > 3) out.push(d);
    return out;
  }
}

function normalizeEmbeds(embeds: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(embeds)) return [];
  return embeds.map((e) => ({ type: 'rich', ...(structuredClone(e) as Record<string, unknown>) }));
}
