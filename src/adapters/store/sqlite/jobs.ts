import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../types.js';
import type { Job, JobQueue } from '../jobs/types.js';
import { onEnqueueListeners } from '../jobs/listeners.js';
import { batched } from '../jobs/batch.js';

interface JobRow {
  id: string;
  kind: string;
  payload: string;
  channel: string | null;
  deadline: number;
  attempt: number;
  lease: string;
}

/**
 * A small table-based queue with the pg-boss contract: a claim is one UPDATE … RETURNING under
 * SQLite's write lock, so two processes on one file never claim the same job; a lease that ran
 * out (a crashed process) makes the job claimable again; finished jobs are deleted.
 */
export function sqliteJobQueue(db: Database, now: Clock, leaseMs: number): JobQueue {
  const listeners = onEnqueueListeners();
  const insert = db.prepare(
    `INSERT INTO jobs (id, kind, payload, channel, deadline, state, run_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
  );
  const claim = db.prepare(
    `UPDATE jobs SET state = 'active', lease = ?, lease_until = ?, updated_at = ?
     WHERE seq IN (
       SELECT seq FROM jobs
       WHERE (state = 'queued' AND run_at <= ?) OR (state = 'active' AND lease_until <= ?)
       ORDER BY run_at, seq LIMIT ?)
     RETURNING seq, id, kind, payload, channel, deadline, attempt, lease`,
  );
  const complete = db.prepare('DELETE FROM jobs WHERE id = ? AND lease = ?');
  const requeue = db.prepare(
    `UPDATE jobs SET state = 'queued', run_at = ?, attempt = attempt + ?, last_error = ?,
       lease = NULL, lease_until = NULL, updated_at = ?
     WHERE id = ? AND lease = ?`,
  );
  const fail = db.prepare(
    `UPDATE jobs SET state = 'failed', last_error = ?, lease = NULL, lease_until = NULL,
       updated_at = ? WHERE id = ? AND lease = ?`,
  );
  const stats = db.prepare(
    `SELECT COALESCE(SUM(state = 'queued'), 0) AS queued, COALESCE(SUM(state = 'active'), 0) AS active
     FROM jobs`,
  );
  const completeAll = db.transaction((jobs: readonly Job[]) => {
    for (const job of jobs) complete.run(job.id, job.lease);
    return jobs.map(() => undefined);
  });
  // Outcomes are written after their acks: one turn's completions share a commit.
  const completeOne = batched((jobs: readonly Job[]) => Promise.resolve(completeAll(jobs)));
  return {
    // At once, not batched: the insert is a fraction of a millisecond, and a batch would hold each
    // ack until the end of the event-loop turn, behind every other request read in it.
    enqueue(spec) {
      const id = randomUUID();
      const t = now();
      insert.run(
        id,
        spec.kind,
        JSON.stringify(spec.payload),
        spec.channel ?? null,
        spec.deadline,
        spec.notBefore ?? t,
        t,
        t,
      );
      listeners.emit();
      return Promise.resolve(id);
    },
    claim(max) {
      const t = now();
      const rows = claim.all(randomUUID(), t + leaseMs, t, t, t, max) as (JobRow & {
        seq: number;
      })[];
      return Promise.resolve(rows.sort((a, b) => a.seq - b.seq).map(toJob));
    },
    complete: completeOne,
    retry(job, at, reason) {
      requeue.run(at, 1, reason.slice(0, 500), now(), job.id, job.lease);
      return Promise.resolve();
    },
    release(job, at) {
      requeue.run(at, 0, null, now(), job.id, job.lease);
      return Promise.resolve();
    },
    fail(job, reason) {
      fail.run(reason.slice(0, 500), now(), job.id, job.lease);
      return Promise.resolve();
    },
    stats() {
      const row = stats.get() as { queued: number; active: number };
      return Promise.resolve({ queued: row.queued, active: row.active });
    },
    onEnqueue: listeners.add,
  };
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Job['payload'],
    ...(row.channel === null ? {} : { channel: row.channel }),
    deadline: row.deadline,
    attempt: row.attempt,
    lease: row.lease,
  };
}
