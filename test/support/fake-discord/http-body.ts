import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './state.js';

/** A request body as a route sees it. */
export interface ParsedBody {
  /** JSON body, or the parsed `payload_json` field of a multipart body; `undefined` when empty. */
  json: unknown;
  /** Files of a multipart body (discord.js sends multipart only when there are files). */
  files: RecordedFile[];
}

/** Reads and parses a JSON or multipart/form-data request body. Throws on malformed JSON. */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  // The platform's own multipart parser, rather than a hand-written one.
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  let json: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type || 'application/octet-stream',
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files };
}
