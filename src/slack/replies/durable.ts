import type { Logger } from '../../adapters/logger.js';
import type { JobQueue } from '../../adapters/store/jobs/types.js';
import type { KeyStore } from '../../adapters/store/types.js';
import { errorFields } from '../log-fields.js';
import { apologies } from './apology.js';
import { deliver, type Delivery, type SlackCalls } from './delivery.js';
import type { slackJobCodec } from './job-codec.js';
import { logFieldsOf, type Origin } from './origin.js';
import { readFailure, methodOf } from './outcome.js';
import { owed, type Owed } from './owed.js';
import type { Render, Replies } from './replies.js';

export interface DurableRepliesDeps {
  readonly jobs: JobQueue;
  readonly keys: KeyStore;
  readonly codec: ReturnType<typeof slackJobCodec>;
  readonly slack: SlackCalls;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Replies kept in the store: each owed reply becomes a job, written before the listener acks and
 * removed only when Slack confirmed it (see send-job.ts); any instance sends what is left.
 */
export class DurableReplies implements Replies {
  readonly #d: DurableRepliesDeps;
  readonly #now: () => number;
  readonly #rendering = new Set<Promise<void>>();

  constructor(deps: DurableRepliesDeps) {
    this.#d = deps;
    this.#now = deps.now ?? Date.now;
  }

  async owe(origin: Origin, render: Render): Promise<void> {
    let items: readonly Owed[];
    try {
      items = await render();
    } catch (error) {
      this.#d.logger.error(
        { ...logFieldsOf(origin), ...errorFields(error) },
        'slack listener failed; apologising',
      );
      await this.apologise(origin, apologies(origin));
      return;
    }
    await this.keep(origin, items, apologies(origin));
  }

  later(origin: Origin, render: Render): void {
    const work = this.owe(origin, render).catch((error: unknown) => {
      this.#d.logger.error(
        { ...logFieldsOf(origin), ...errorFields(error) },
        'could not keep a reply in the store',
      );
    });
    this.#rendering.add(work);
    void work.finally(() => this.#rendering.delete(work));
  }

  now(origin: Origin, delivery: Delivery): void {
    deliver(this.#d.slack, delivery, origin.workspace).catch(async (error: unknown) => {
      const method = methodOf(delivery);
      const failure = readFailure(error, method);
      this.#d.logger.warn(
        { ...logFieldsOf(origin), method, slackError: failure.slackError },
        'slack call failed; apologising',
      );
      await this.apologise(origin, apologies(origin)).catch((keepError: unknown) => {
        this.#d.logger.error(
          { ...logFieldsOf(origin), ...errorFields(keepError) },
          'could not keep the apology in the store',
        );
      });
    });
  }

  async settle(ms: number): Promise<number> {
    if (this.#rendering.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(this.#rendering),
        new Promise((r) => (timer = setTimeout(r, ms))),
      ]);
      clearTimeout(timer);
    }
    return this.#rendering.size;
  }

  /**
   * Writes `items` as jobs whose apologies, should they fail for good, are `fallbacks`; on a
   * failed write, forgets the keys they would have forgotten on failure, and throws.
   */
  async keep(origin: Origin, items: readonly Owed[], fallbacks: readonly Delivery[]) {
    try {
      // Written together (the queue batches one turn's jobs): one commit or round trip.
      await Promise.all(
        items.map((item) =>
          this.#d.jobs.enqueue(this.#d.codec.encode(origin, item, fallbacks, this.#now())),
        ),
      );
    } catch (error) {
      // Not kept, so not answered: a later try (a redelivered event, a new paste) may claim again.
      for (const { forgetOnFailure: key } of items)
        if (key !== undefined)
          await this.#d.keys.forget(key.namespace, key.key).catch(() => undefined);
      throw error;
    }
  }

  /** The first apology as a job, the others as its fallbacks. */
  async apologise(origin: Origin, chain: readonly Delivery[]): Promise<void> {
    const [first, ...rest] = chain;
    if (first !== undefined) await this.keep(origin, [owed(first)], rest);
  }
}
