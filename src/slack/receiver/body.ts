import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly status: 400 | 408 | 413; readonly reason: string };

/**
 * Reads a request body of at most `maxBytes` within `timeoutMs`. A declared Content-Length over
 * the limit is refused before a byte is read; a body that grows past it stops being read at the
 * limit; a body still arriving after the timeout is dropped. So a request costs at most `maxBytes`
 * of memory and `timeoutMs` of a connection, whoever sends it.
 */
export function readBody(
  req: IncomingMessage,
  limits: { readonly maxBytes: number; readonly timeoutMs: number },
): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes)
    return Promise.resolve({ ok: false, status: 413, reason: 'declared body over the limit' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        finish({ ok: false, status: 413, reason: 'body over the limit' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      finish({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onError = (): void => {
      finish({ ok: false, status: 400, reason: 'request aborted' });
    };
    const timer = setTimeout(() => {
      finish({ ok: false, status: 408, reason: 'body not complete in time' });
    }, limits.timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}
