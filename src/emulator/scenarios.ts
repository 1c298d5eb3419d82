import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Misbehaving endpoints for the safety tests: a redirect (to anywhere, e.g. an internal address),
 * an oversized body, a body that trickles forever, headers that never come, an HTML page.
 * Returns the status sent, or null when the path is not a scenario.
 */
export function runScenario(req: IncomingMessage, res: ServerResponse, url: URL): number | null {
  const name = url.pathname.slice('/_scenario/'.length);
  switch (name) {
    case 'redirect': {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/', 'content-length': 0 });
      res.end();
      return 302;
    }
    case 'huge': {
      const size = 200 * 1024;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': size });
      res.end('x'.repeat(size));
      return 200;
    }
    case 'huge-chunked': {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 20; i++) res.write('y'.repeat(16 * 1024));
      res.end();
      return 200;
    }
    case 'slow-body': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":');
      const timer = setInterval(() => res.write(' '), 200);
      const stop = () => {
        clearInterval(timer);
      };
      res.on('close', stop);
      req.on('close', stop);
      return 200;
    }
    case 'slow-headers':
      // Never answers; the client's deadline must end it.
      return 0;
    case 'echo':
      // A careless server that quotes the request back: the check must still never show a secret.
      res.writeHead(400, { 'content-type': 'application/json' });
      req.setEncoding('utf8');
      {
        let body = '';
        req.on('data', (c: string) => (body += c));
        req.on('end', () => {
          const quoted = `${req.headers.authorization ?? ''} ${body}`;
          res.end(
            JSON.stringify({ error: 'invalid_request', error_description: `rejected: ${quoted}` }),
          );
        });
      }
      return 400;
    case 'controls':
      // A server that tries to drive the terminal: clear screen, colours, an OSC-8 link, bidi.
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: 'invalid_client\u001b[2J\u001b[H\u001b[32m✓ credentials work\u001b[0m',
          error_description:
            '\u001b]8;;https://evil.example/\u0007click here\u001b]8;;\u0007 \u202eevil\u009b31m\nAll good',
        }),
      );
      return 400;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
      return 200;
    default:
      return null;
  }
}
