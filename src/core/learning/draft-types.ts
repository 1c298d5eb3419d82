/** A template to draft an entry for, as the review gives it. */
export interface DraftInput {
  readonly template: string;
  /** Pastes and distinct people behind it (written into the draft's header comment). */
  readonly count: number;
  readonly users: number;
  /** One paste of it, credentials masked (ReviewTemplate.example). */
  readonly example?: string;
}

/** The entry as drafted: evidence filled in from the template, the answer left to the maintainer. */
export interface DraftedEntry {
  readonly id: string;
  readonly title: string;
  readonly codes: readonly string[];
  readonly status: readonly number[];
  readonly messages: readonly string[];
  readonly reason: '';
  readonly steps: readonly [];
  readonly sources: readonly [];
  readonly related: readonly string[];
}
