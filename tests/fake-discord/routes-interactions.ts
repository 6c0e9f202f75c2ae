/** Interaction callbacks and the interaction webhook (followups, @original). */
import type { FakeDiscord, InteractionState, CallbackRecord } from './fake-discord.js';
import { errors } from './errors.js';
import { checkAutocompleteData, checkMessageBody, checkModalData } from './message-rules.js';
import { LOADING, type FakeMessage } from './message-store.js';
import type { Route, RouteRequest } from './rest.js';
import type { Issue } from './spec-validator.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** Callback types allowed per interaction type (https://discord.com/developers/docs/interactions/receiving-and-responding). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9, 12],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

export function interactionRoutes(fake: FakeDiscord): Record<string, Route> {
  const byIdToken = (r: RouteRequest) => {
    const s = fake.interactionStates.get(r.params.interaction_id ?? '');
    return s && s.built.token === r.params.interaction_token ? s : undefined;
  };
  const byWebhook = (r: RouteRequest) =>
    r.params.webhook_id === fake.application.id
      ? fake.interactionStateByToken(r.params.webhook_token ?? '')
      : undefined;

  const createFor = (s: InteractionState, body: Obj, via: string, r: RouteRequest, extraFlags = 0): FakeMessage =>
    fake.store.create({
      channelId: s.built.channelId,
      ...(s.built.guildId ? { guildId: s.built.guildId } : {}),
      author: fake.botUser,
      body,
      type: s.built.type === 2 ? 20 : 0,
      via,
      webhookId: fake.application.id,
      applicationId: fake.application.id,
      interactionId: s.built.id,
      interactionMetadata: {
        id: s.built.id,
        type: s.built.type,
        user: s.built.user,
        authorizing_integration_owners: s.built.payload.authorizing_integration_owners,
        ...(s.sourceMessageId ? { interacted_message_id: s.sourceMessageId } : {}),
        ...(s.originalId && via.startsWith('followup') ? { original_response_message_id: s.originalId } : {}),
      },
      files: r.files,
      extraFlags,
    });

  const callbackIssues = (s: InteractionState, r: RouteRequest): Issue[] => {
    const b = obj(r.body);
    const t = b.type;
    if (typeof t !== 'number') return [];
    const allowed = ALLOWED_CALLBACKS[s.built.type] ?? [];
    if (!allowed.includes(t)) {
      return [
        {
          instancePath: '/type',
          keyword: 'enum',
          message: `callback type ${t} is not valid for interaction type ${s.built.type} (allowed: ${allowed.join(', ')})`,
        },
      ];
    }
    const hasFiles = r.files.length > 0;
    switch (t) {
      case 4:
        return checkMessageBody(b.data, '/data', { requireAllowedMentions: true, isCreate: true, hasFiles });
      case 7:
        return checkMessageBody(b.data ?? {}, '/data', { requireAllowedMentions: true, isCreate: false, hasFiles });
      case 8:
        return checkAutocompleteData(b.data, '/data');
      case 9:
        return checkModalData(b.data, '/data');
      default:
        return [];
    }
  };

  const messageOf = (s: InteractionState, id: string): FakeMessage | undefined => {
    const mid = id === '@original' ? s.originalId : id;
    if (!mid || (mid !== s.originalId && !s.followups.includes(mid))) return undefined;
    const m = fake.messages.get(mid);
    return m && !m.deleted ? m : undefined;
  };

  const webhookMessageRoute = (kind: 'GET' | 'PATCH' | 'DELETE'): Route => ({
    check: (r) => {
      const s = byWebhook(r);
      if (!s) return errors.unknownWebhook(`no interaction has token ${r.params.webhook_token}`);
      if (!messageOf(s, r.params.message_id ?? '@original')) {
        return errors.unknownMessage(
          `${r.params.message_id ?? '@original'} is not a live response of interaction ${s.built.id}`,
        );
      }
      if (kind === 'PATCH')
        return checkMessageBody(r.body ?? {}, '', {
          requireAllowedMentions: true,
          isCreate: false,
          hasFiles: r.files.length > 0,
        });
      return undefined;
    },
    handle: (r) => {
      const s = byWebhook(r)!;
      const m = messageOf(s, r.params.message_id ?? '@original')!;
      if (kind === 'GET') return { status: 200, body: fake.store.serve(m) };
      if (kind === 'DELETE') {
        m.deleted = true;
        // The "thinking…" message is gone: a later followup is a message of its own.
        if (m.id === s.originalId) s.loading = false;
        return { status: 204 };
      }
      fake.store.edit(m, obj(r.body), `webhook-edit:${r.params.message_id ?? '@original'}`, r.files);
      if (m.id === s.originalId) s.loading = false;
      return { status: 200, body: fake.store.serve(m) };
    },
  });

  return {
    'POST /interactions/{interaction_id}/{interaction_token}/callback': {
      check: (r) => {
        const s = byIdToken(r);
        if (!s) return errors.unknownInteraction(`no interaction ${r.params.interaction_id} with that token`);
        if (s.acknowledged) return errors.alreadyAcknowledged(`already answered with callback type ${s.callbackType}`);
        const elapsed = performance.now() - s.handle.sentAt;
        if (elapsed > fake.interactionTimeoutMs) {
          return errors.unknownInteraction(
            `callback ${Math.round(elapsed)} ms after dispatch; Discord allows ${fake.interactionTimeoutMs} ms`,
          );
        }
        const t = obj(r.body).type;
        if (
          (t === 6 || t === 7) &&
          !(s.sourceMessageId && fake.messages.get(s.sourceMessageId) && !fake.messages.get(s.sourceMessageId)?.deleted)
        ) {
          return errors.unknownMessage('update callback but the interaction has no live source message');
        }
        return callbackIssues(s, r);
      },
      handle: (r) => {
        const s = byIdToken(r)!;
        const b = obj(r.body);
        const t = b.type as number;
        const data = obj(b.data);
        let message: FakeMessage | undefined;
        if (t === 4) {
          message = createFor(s, data, 'callback:4', r);
          s.originalId = message.id;
        } else if (t === 5) {
          message = createFor(s, { flags: typeof data.flags === 'number' ? data.flags : 0 }, 'callback:5', r, LOADING);
          s.originalId = message.id;
          s.loading = true;
        } else if (t === 6 || t === 7) {
          message = fake.messages.get(s.sourceMessageId!)!;
          if (t === 7) fake.store.edit(message, data, 'callback:7', r.files);
          s.originalId = message.id;
        }
        s.acknowledged = true;
        s.callbackType = t;
        const callbackAt = performance.now();
        const rec: CallbackRecord = {
          type: t,
          data: b.data,
          body: b,
          sentAt: s.handle.sentAt,
          callbackAt,
          latencyMs: callbackAt - s.handle.sentAt,
          ...(message ? { messageId: message.id } : {}),
        };
        s.handle.response = rec;
        s.handle.callbackAt = callbackAt;
        s.resolve(rec);
        if (r.query.get('with_response') !== 'true') return { status: 204 };
        return {
          status: 200,
          body: {
            interaction: {
              id: s.built.id,
              type: s.built.type,
              ...(message
                ? {
                    response_message_id: message.id,
                    response_message_loading: (message.flags & LOADING) !== 0,
                    response_message_ephemeral: (message.flags & 64) !== 0,
                  }
                : {}),
            },
            resource: { type: t, ...(message && (t === 4 || t === 7) ? { message: fake.store.serve(message) } : {}) },
          },
        };
      },
    },

    'POST /webhooks/{webhook_id}/{webhook_token}': {
      check: (r) => {
        const s = byWebhook(r);
        if (!s) return errors.unknownWebhook(`no interaction has token ${r.params.webhook_token}`);
        if (!s.acknowledged) return errors.unknownWebhook('followup sent before the interaction was acknowledged');
        if (s.built.type === 4) return errors.unknownWebhook('autocomplete interactions have no followups');
        return checkMessageBody(r.body, '', {
          requireAllowedMentions: true,
          isCreate: true,
          hasFiles: r.files.length > 0,
        });
      },
      handle: (r) => {
        const s = byWebhook(r)!;
        const body = obj(r.body);
        const original = s.originalId ? fake.messages.get(s.originalId) : undefined;
        let m: FakeMessage;
        if (s.loading && original && (original.flags & LOADING) !== 0) {
          // Discord: the first followup after a deferred response replaces the "thinking…" message.
          m = fake.store.edit(original, body, 'followup(replaces deferred)', r.files);
          s.loading = false;
        } else {
          m = createFor(s, body, 'followup', r);
          s.followups.push(m.id);
        }
        return r.query.get('wait') === 'true' ? { status: 200, body: fake.store.serve(m) } : { status: 204 };
      },
    },
    'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original': webhookMessageRoute('GET'),
    'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': webhookMessageRoute('PATCH'),
    'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original': webhookMessageRoute('DELETE'),
    'GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': webhookMessageRoute('GET'),
    'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': webhookMessageRoute('PATCH'),
    'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': webhookMessageRoute('DELETE'),
  };
}
