/** Discord-shaped error bodies (https://discord.com/developers/docs/reference#error-messages). */
import type { Issue } from './spec-validator.js';

export interface DiscordError {
  isError: true;
  status: number;
  body: { code: number; message: string; errors?: unknown };
  /** Why, for the violation text (not sent). */
  detail?: string;
}

const CODES: Record<string, string> = {
  maxLength: 'BASE_TYPE_MAX_LENGTH',
  minLength: 'BASE_TYPE_MIN_LENGTH',
  maxItems: 'BASE_TYPE_MAX_LENGTH',
  minItems: 'BASE_TYPE_MIN_LENGTH',
  required: 'BASE_TYPE_REQUIRED',
  type: 'BASE_TYPE_BAD_TYPE',
  enum: 'BASE_TYPE_CHOICES',
  const: 'BASE_TYPE_CHOICES',
  maximum: 'NUMBER_TYPE_MAX',
  minimum: 'NUMBER_TYPE_MIN',
  format: 'BASE_TYPE_BAD_FORMAT',
  pattern: 'BASE_TYPE_BAD_FORMAT',
  uniqueItems: 'BASE_TYPE_DUPLICATE',
};

/** Turns issues into Discord's nested `errors` object: `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`. */
function nestErrors(issues: Issue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    const parts = issue.instancePath.split('/').filter(Boolean);
    const missing = /^must have required property '([^']+)'/.exec(issue.message)?.[1];
    if (issue.keyword === 'required' && missing && !parts.includes(missing)) parts.push(missing);
    let node = root;
    for (const p of parts) {
      node[p] ??= {};
      node = node[p] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as Array<{ code: string; message: string }>;
    list.push({ code: CODES[issue.keyword] ?? `BASE_TYPE_INVALID`, message: issue.message });
  }
  return root;
}

export function invalidFormBody(issues: Issue[]): DiscordError {
  return {
    isError: true,
    status: 400,
    body: { code: 50035, message: 'Invalid Form Body', errors: nestErrors(issues) },
  };
}

function err(status: number, body: { code: number; message: string }, detail?: string): DiscordError {
  return { isError: true, status, body, ...(detail ? { detail } : {}) };
}

export const errors = {
  notFound: (detail?: string): DiscordError => err(404, { code: 0, message: '404: Not Found' }, detail),
  unauthorized: (detail?: string): DiscordError => err(401, { code: 0, message: '401: Unauthorized' }, detail),
  unknownChannel: (detail?: string): DiscordError => err(404, { code: 10003, message: 'Unknown Channel' }, detail),
  unknownGuild: (detail?: string): DiscordError => err(404, { code: 10004, message: 'Unknown Guild' }, detail),
  unknownMessage: (detail?: string): DiscordError => err(404, { code: 10008, message: 'Unknown Message' }, detail),
  unknownWebhook: (detail?: string): DiscordError => err(404, { code: 10015, message: 'Unknown Webhook' }, detail),
  unknownApplication: (detail?: string): DiscordError =>
    err(404, { code: 10002, message: 'Unknown Application' }, detail),
  unknownCommand: (detail?: string): DiscordError =>
    err(404, { code: 10063, message: 'Unknown application command' }, detail),
  unknownInteraction: (detail?: string): DiscordError =>
    err(404, { code: 10062, message: 'Unknown interaction' }, detail),
  alreadyAcknowledged: (detail?: string): DiscordError =>
    err(400, { code: 40060, message: 'Interaction has already been acknowledged.' }, detail),
  cannotEditOtherUser: (detail?: string): DiscordError =>
    err(403, { code: 50005, message: 'Cannot edit a message authored by another user' }, detail),
  internal: (message: string): DiscordError => err(500, { code: 0, message: `500: ${message}` }),
};
