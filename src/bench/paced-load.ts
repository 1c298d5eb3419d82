import { Pool } from 'undici';
import { percentile } from './percentile.js';

export interface PacedRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface PacedLoad {
  /** Full URL of the endpoint (its origin is the pool's). */
  readonly url: string;
  readonly connections: number;
  /** Requests per second offered over all connections, evenly spaced. */
  readonly rate: number;
  readonly durationS: number;
  /** The request with this sequence number. */
  readonly request: (n: number) => PacedRequest;
  /** Called for each 200 answer with the request's number. */
  readonly onAck: (n: number) => void;
}

export interface PacedResult {
  readonly p50: number;
  readonly p99: number;
  /** Answers per second over the run. */
  readonly rps: number;
  readonly errors: number;
}

/**
 * An open-loop load: request n is due at start + n / rate, sent on a pool of `connections`
 * keep-alive connections, and its latency counts from when it was due (so a generator or pool
 * that falls behind shows as latency, not as fewer samples). autocannon's `overallRate` sends
 * each connection's share in a burst at the top of every second, which measures a burst of
 * `rate` requests at once rather than an app offered `rate` requests per second.
 */
export async function pacedLoad(load: PacedLoad): Promise<PacedResult> {
  const pool = new Pool(new URL(load.url).origin, {
    connections: load.connections,
    pipelining: 1,
  });
  const path = new URL(load.url).pathname;
  const total = Math.round(load.rate * load.durationS);
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const send = async (n: number, dueAt: number) => {
    const { body, headers } = load.request(n);
    try {
      const res = await pool.request({ path, method: 'POST', body, headers });
      await res.body.dump();
      if (res.statusCode === 200) {
        latencies.push(performance.now() - dueAt);
        load.onAck(n);
      } else errors++;
    } catch {
      errors++;
    }
  };
  for (let n = 0; n < total; n++) {
    const dueAt = started + (n * 1000) / load.rate;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(n, dueAt));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - started) / 1000;
  await pool.close();
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: latencies.length / elapsedS,
    errors,
  };
}
