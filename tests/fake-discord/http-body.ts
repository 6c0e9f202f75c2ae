/** Reads and parses a request body: JSON, or multipart/form-data (payload_json + files). */
import type { IncomingMessage } from 'node:http';
import type { FileInfo } from './message-store.js';

export interface ParsedBody {
  body: unknown;
  files: FileInfo[];
  multipart: boolean;
  /** Set when the body could not be parsed. */
  error?: string;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [], multipart: false };
  const ct = (contentType ?? '').toLowerCase();
  if (ct.startsWith('multipart/form-data')) {
    try {
      // undici's Request parses multipart for us (Node 20 has it built in).
      const form = await new Request('http://fake.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType ?? '' },
        body: Uint8Array.from(raw),
      }).formData();
      let body: unknown;
      const files: FileInfo[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({
            field,
            name: value.name,
            size: value.size,
            contentType: value.type || 'application/octet-stream',
          });
        }
      }
      return { body, files, multipart: true };
    } catch (e) {
      return {
        body: undefined,
        files: [],
        multipart: true,
        error: `unparsable multipart body: ${(e as Error).message}`,
      };
    }
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [], multipart: false };
  } catch {
    return { body: text, files: [], multipart: false, error: `body is not JSON (content-type ${ct || 'none'})` };
  }
}
