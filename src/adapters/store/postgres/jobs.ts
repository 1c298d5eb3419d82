import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Job, JobQueue, JobSpec } from '../jobs/types.js';
import { onEnqueueListeners } from '../jobs/listeners.js';
import { batched } from '../jobs/batch.js';

export const JOB_QUEUE = 'authhelp-replies';

interface JobData {
  readonly id: string;
  readonly kind: string;
  readonly payload: Job['payload'];
  readonly channel?: string;
  readonly deadline: number;
  readonly attempt: number;
}

/** Runs `work` in one transaction and hands pg-boss the connection it runs on. */
export type InTransaction = (work: (db: PgBoss.Db) => Promise<boolean>) => Promise<void>;

/** How often this instance asks pg-boss to return jobs whose lease ran out (a crashed instance). */
const EXPIRE_EVERY_MS = 2_000;
/** A crash retries the job; this only stops a job that crashes its runner every time. */
const CRASH_RETRIES = 50;
/** How long a sent reply's completion waits for others to share its statement. */
const COMPLETE_WAIT_MS = 50;

/**
 * The job contract on pg-boss (claim with SKIP LOCKED, leases, expiry). pg-boss retries on its own
 * schedule, so a retry at a chosen time (Retry-After) and a hand-back are "complete this job and
 * send its successor" in one transaction; the successor keeps the job's id, payload and deadline.
 */
export function pgBossJobQueue(
  boss: PgBoss,
  inTransaction: InTransaction,
  leaseMs: number,
  /** Where new jobs are written: the connections kept for what acks wait for. */
  enqueueDb: PgBoss.Db,
): JobQueue {
  const listeners = onEnqueueListeners();
  const expireInSeconds = Math.max(1, Math.ceil(leaseMs / 1000));
  const options = (at: number | undefined): PgBoss.SendOptions => ({
    expireInSeconds,
    retryLimit: CRASH_RETRIES,
    retryDelay: 0,
    ...(at === undefined ? {} : { startAfter: new Date(at) }),
  });
  let lastExpire = 0;
  const successor = async (job: Job, at: number, attempt: number, reason: string | null) => {
    await inTransaction(async (db) => {
      // pg-boss resolves with the number of rows it changed, though its types say void.
      const completing: Promise<unknown> = boss.complete(
        JOB_QUEUE,
        job.lease,
        { handedOn: reason ?? 'released' },
        { db },
      );
      const done = (await completing) as { affected?: number } | undefined;
      // Our lease ran out and another runner has it: sending a successor would send it twice.
      if (done?.affected === 0) return false;
      await boss.send(JOB_QUEUE, dataOf(job, attempt), { ...options(at), db });
      return true;
    });
  };
  // Jobs owed in one event-loop turn are one INSERT (a round trip each would hold up the acks).
  const enqueue = batched(async (specs: readonly JobSpec[]) => {
    const owed = specs.map((spec) => ({ ...spec, id: randomUUID() }));
    await boss.insert(
      owed.map((spec): PgBoss.JobInsert => ({
        name: JOB_QUEUE,
        data: dataOf(spec, 0),
        expireInSeconds,
        retryLimit: CRASH_RETRIES,
        retryDelay: 0,
        ...(spec.notBefore === undefined ? {} : { startAfter: new Date(spec.notBefore) }),
      })),
      { db: enqueueDb },
    );
    listeners.emit();
    return owed.map((spec) => spec.id);
  });
  // Replies confirmed within COMPLETE_WAIT_MS are completed by one statement: Slack has the reply,
  // so nobody waits on it, and one statement per reply was one more round trip per ack's worth.
  const complete = batched(
    async (jobs: readonly Job[]) => {
      await boss.complete(
        JOB_QUEUE,
        jobs.map((job) => job.lease),
      );
      return jobs.map(() => undefined);
    },
    { waitMs: COMPLETE_WAIT_MS },
  );
  return {
    enqueue,
    async claim(max) {
      if (Date.now() - lastExpire >= EXPIRE_EVERY_MS) {
        lastExpire = Date.now();
        await boss.expire();
      }
      const jobs = await boss.fetch<JobData>(JOB_QUEUE, { batchSize: max, includeMetadata: true });
      // pg-boss picks the oldest but returns them in no particular order.
      return jobs
        .sort((x, y) => x.createdOn.getTime() - y.createdOn.getTime())
        .map((j) => ({ ...jobOf(j.data), lease: j.id }));
    },
    complete,
    retry: (job, at, reason) => successor(job, at, job.attempt + 1, reason.slice(0, 500)),
    release: (job, at) => successor(job, at, job.attempt, null),
    async fail(job) {
      // Cancelled = given up by authhelp; the reason is logged by the runner's owner.
      await boss.cancel(JOB_QUEUE, job.lease);
    },
    async stats() {
      const queued = await boss.getQueueSize(JOB_QUEUE);
      const unfinished = await boss.getQueueSize(JOB_QUEUE, { before: 'completed' });
      return { queued, active: unfinished - queued };
    },
    onEnqueue: listeners.add,
  };
}

function dataOf(spec: JobSpec & { readonly id: string }, attempt: number): JobData {
  return {
    id: spec.id,
    kind: spec.kind,
    payload: spec.payload,
    ...(spec.channel === undefined ? {} : { channel: spec.channel }),
    deadline: spec.deadline,
    attempt,
  };
}

function jobOf(data: JobData): Omit<Job, 'lease'> {
  return {
    id: data.id,
    kind: data.kind,
    payload: data.payload,
    ...(data.channel === undefined ? {} : { channel: data.channel }),
    deadline: data.deadline,
    attempt: data.attempt,
  };
}
