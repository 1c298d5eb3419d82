import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

export function json(
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

export function text(status: number, body: string, type = 'text/plain'): Answer {
  return { status, headers: { 'content-type': type }, body };
}

export function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

/** Reads a request body up to 64 KB; more is refused by the caller. */
export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}

export interface ClientCredentials {
  readonly via: 'basic' | 'post' | 'none' | 'both';
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** Client id and secret from a Basic header (form-decoded per RFC 6749 §2.3.1 unless raw) or the body. */
export function clientCredentials(
  req: IncomingMessage,
  form: URLSearchParams,
  decoding: (id: string) => 'rfc' | 'raw' = () => 'rfc',
): ClientCredentials {
  const header = req.headers.authorization ?? '';
  const inBody = form.has('client_secret');
  const basic = /^basic\s+(.+)$/i.exec(header)?.[1];
  if (basic !== undefined && inBody) return { via: 'both' };
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { via: 'basic' };
    const rawId = decoded.slice(0, colon);
    const rawSecret = decoded.slice(colon + 1);
    const id = formDecode(rawId);
    const raw = decoding(id) === 'raw';
    return {
      via: 'basic',
      clientId: raw ? rawId : id,
      clientSecret: raw ? rawSecret : formDecode(rawSecret),
    };
  }
  if (inBody) {
    return {
      via: 'post',
      clientId: form.get('client_id') ?? '',
      clientSecret: form.get('client_secret') ?? '',
    };
  }
  return { via: 'none' };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export function bearerToken(req: IncomingMessage): string | undefined {
  return /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
}
