import type { RouteHandler } from './guarded-receiver.js';

/** Each returns undefined when its part is ready, else why not (one short sentence). */
export type ReadinessCheck = () => Promise<string | undefined>;

/** A check that has not answered within this long counts as not ready. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: the process is alive (liveness; no dependency is asked). `GET /readyz`: 200
 * only when every check passes (the store answers, Slack accepted the token, not shutting
 * down), else 503 with the reasons, so a load balancer sends requests elsewhere meanwhile.
 */
export function healthRoutes(checks: readonly ReadinessCheck[]): Record<string, RouteHandler> {
  return {
    '/healthz': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
    '/readyz': (_req, res) => {
      void Promise.all(checks.map(withTimeout)).then((answers) => {
        const reasons = answers.filter((r): r is string => r !== undefined);
        res.writeHead(reasons.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reasons.length === 0 ? { ok: true } : { ok: false, reasons }));
      });
    },
  };
}

async function withTimeout(check: ReadinessCheck): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      resolve('a readiness check did not answer in time');
    }, CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((e: unknown) => String(e)), late]);
  } finally {
    clearTimeout(timer);
  }
}
