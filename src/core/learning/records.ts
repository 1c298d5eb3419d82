/**
 * What the app records about its use, for maintainers to grow the catalogue. Plain data: the store
 * persists these as they are, the review reads them back. Neither holds a credential: `maskedText`
 * and `template` come from templateOf, which masks every one.
 */

/** Where a diagnosis was asked for. */
export type Surface = 'command' | 'channel' | 'shortcut' | 'cli';

/** One diagnosis the app made, answered or not. */
export interface DiagnosisRecord {
  /** Unique per diagnosis; feedback points at it. */
  readonly id: string;
  /** When it was made, ISO 8601 (UTC). */
  readonly time: string;
  /** Slack team (workspace) id and user id of the person who pasted. */
  readonly team: string;
  readonly user: string;
  readonly surface: Surface;
  /** The best entry, or null when nothing matched. */
  readonly entryId: string | null;
  /** The best entry's confidence in [0, 1]; 0 when none. */
  readonly confidence: number;
  /** Whether the app showed an answer (a channel paste below the bar is not answered). */
  readonly answered: boolean;
  /** catalogueVersion() of the catalogue that answered. */
  readonly catalogueVersion: string;
  /**
   * The paste, credentials masked, at most 4 KB (PasteTemplate.maskedText). Kept only for misses,
   * low-confidence answers and 👎, and only while retention allows paste text.
   */
  readonly maskedText?: string;
  /** Its error template and the template's id (PasteTemplate.template / .templateId). */
  readonly template?: string;
  readonly templateId?: string;
}

/** 👍, 👎, or "Instead: …" (the person picked another entry as the right answer). */
export type FeedbackKind = 'up' | 'down' | 'instead';

export interface FeedbackRecord {
  readonly diagnosisId: string;
  readonly kind: FeedbackKind;
  /** For `instead`: the entry the person picked. */
  readonly insteadEntryId?: string;
}
