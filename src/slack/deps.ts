import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { Diagnoser } from '../core/matching/types.js';
import type { Logger } from '../adapters/logger.js';
import type { ButtonSpec } from './blocks/limits.js';
import type { AfterAck } from './after-ack.js';
import type { TtlSet } from './dedupe.js';
import type { OpenCheckModal } from './open-check-modal.js';

export type Vote = 'up' | 'down';

export interface Feedback {
  readonly entryId: string;
  readonly vote: Vote;
  readonly surface: 'answer';
}

/** What every listener may use; built once by createSlackApp. */
export interface SlackDeps {
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
  readonly logger: Logger;
  /** Channel ids the app answers in on its own; empty means every channel it is a member of. */
  readonly channels: readonly string[];
  readonly openCheckModal: OpenCheckModal;
  readonly recordFeedback: (feedback: Feedback) => void;
  /** Extra App Home buttons (the token inspector adds "Inspect a token"). */
  readonly homeButtons: readonly ButtonSpec[];
  /** Event ids already handled (Slack redelivers with the same `event_id`). */
  readonly seenEvents: TtlSet;
  /** `channel:thread:entry` keys already answered in a thread. */
  readonly answeredThreads: TtlSet;
  /** Queue for the slow part after an ack, so acks for waiting requests go out first. */
  readonly afterAck: AfterAck;
}
