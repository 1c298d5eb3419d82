import { randomUUID } from 'node:crypto';
import type { Logger } from '../../adapters/logger.js';
import type { LearningStore } from '../../adapters/store/learning.js';
import type { DiagnosisRecord, FeedbackRecord, Surface } from '../../core/learning/records.js';
import { errorFields } from '../log-fields.js';
import type { Origin } from '../replies/origin.js';
import type { Diagnosed, Services } from '../services.js';

/** One diagnosis as a listener made it; the paste is read here and never kept raw. */
export interface DiagnosisEvent {
  readonly surface: Exclude<Surface, 'cli'>;
  readonly origin: Origin;
  readonly text: string;
  readonly diagnosis: Diagnosed;
  /** Whether the person was shown an answer (not the closest entries, not silence). */
  readonly answered: boolean;
}

/**
 * Records what the app diagnosed and what people thought of it, for `authhelp review` and App
 * Home. Listeners call it and move on: the work (masking, templating, the write) runs after the
 * current request is acked, and a failure is a `warn` line, never a lost or late answer.
 */
export interface Recorder {
  /** The new diagnosis's id at once, for the buttons under the answer; the record follows. */
  diagnosis(event: DiagnosisEvent): string;
  /** A 👍, 👎 or "Instead" click on the answer to diagnosis `vote.diagnosisId`. */
  feedback(vote: FeedbackRecord, origin: Origin): void;
  /** Waits up to `ms` for records still being written (shutdown, tests). */
  settle(ms: number): Promise<void>;
}

export interface RecorderParts {
  readonly log: Pick<LearningStore, 'recordDiagnosis' | 'recordFeedback'>;
  readonly services: Pick<Services, 'knowledge'>;
  readonly logger: Logger;
}

/**
 * Diagnosis records wait up to this long to be written with the others of the moment: on
 * PostgreSQL one statement for all of them (see sqlLearningStore), instead of one per paste,
 * each a round trip the acks of other requests queued behind.
 */
const WRITE_EVERY_MS = 50;

export function createRecorder(parts: RecorderParts): Recorder {
  const { log, services, logger } = parts;
  const pending = new Set<Promise<void>>();
  const writes = heldWrites(WRITE_EVERY_MS);
  /** Runs `work` after the current request (its ack) is on its way; failures are logged. */
  const later = (what: string, fields: Record<string, unknown>, work: () => Promise<unknown>) => {
    const run = new Promise<void>((resolve) => {
      setImmediate(() => {
        Promise.resolve()
          .then(work)
          .catch((err: unknown) => {
            logger.warn({ ...fields, ...errorFields(err) }, `could not record ${what}`);
          })
          .finally(resolve);
      });
    });
    pending.add(run);
    void run.finally(() => pending.delete(run));
  };
  return {
    diagnosis(event) {
      const id = randomUUID();
      const time = new Date().toISOString();
      const who = whoOf(event.origin);
      const fields = { surface: event.surface, ...who, diagnosisId: id };
      // The paste is masked and templated after the ack; only its masked form is ever written.
      later('a diagnosis; the answer went out', fields, () => {
        const record = recordOf({ id, time, ...who }, event, services);
        return writes.hold(() => log.recordDiagnosis(record));
      });
      return id;
    },
    feedback(vote, origin) {
      const who = whoOf(origin);
      later('feedback', { ...who, diagnosisId: vote.diagnosisId, kind: vote.kind }, async () => {
        // A vote is stored only beside its diagnosis: the ones held here go first.
        await writes.flush();
        return log.recordFeedback({ ...vote, user: who.user });
      });
    },
    async settle(ms) {
      void writes.flush();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      await Promise.race([Promise.all([...pending]), timeout]);
      clearTimeout(timer);
    },
  };
}

function whoOf(origin: Origin): { team: string; user: string } {
  const w = origin.workspace;
  return { team: w?.teamId ?? w?.enterpriseId ?? 'unknown', user: origin.user ?? 'unknown' };
}

/**
 * The stored record. The masked paste and its template are kept for every diagnosis, answered or
 * not: a 👎 can come minutes later, and the button carries only the id. The store drops the text
 * after AUTHHELP_RETENTION_DAYS (0: never kept); the review shows it only for misses and rejections.
 */
function recordOf(
  base: Pick<DiagnosisRecord, 'id' | 'time' | 'team' | 'user'>,
  event: DiagnosisEvent,
  services: Pick<Services, 'knowledge'>,
): DiagnosisRecord {
  const best = event.diagnosis.matches[0];
  const paste = services.knowledge().templater().templateOf(event.text);
  return {
    ...base,
    surface: event.surface,
    entryId: best?.id ?? null,
    confidence: best?.confidence ?? 0,
    answered: event.answered,
    catalogueVersion: event.diagnosis.catalogueVersion,
    maskedText: paste.maskedText,
    template: paste.template,
    templateId: paste.templateId,
  };
}

/**
 * Writes held for up to `ms` and then started together, in one event-loop turn, so that a store
 * that batches the calls of one turn writes them in one statement.
 */
function heldWrites(ms: number): {
  hold<T>(write: () => Promise<T>): Promise<T>;
  /** Starts the held writes now; resolves when they have settled. */
  flush(): Promise<void>;
} {
  let held: (() => Promise<unknown>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const now = held;
    held = [];
    await Promise.allSettled(now.map((start) => start()));
  };
  return {
    hold(write) {
      return new Promise((resolve, reject) => {
        held.push(() => write().then(resolve, reject));
        timer ??= setTimeout(() => void flush(), ms);
      });
    },
    flush,
  };
}
