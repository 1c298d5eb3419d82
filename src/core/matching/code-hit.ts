export interface CodeHit {
  readonly entry: number;
  readonly code: string;
  /** Identifying strength (1 exact identifying code … lower for loose, fuzzy or surfaces-as). */
  readonly strength: number;
  readonly inErrorField: boolean;
  readonly vendorUnique: boolean;
  /** How it was found, when not by the code's own name (a rule over a pasted token). */
  readonly label?: string;
  /** The code written as ordinary words (`invalid signature`), not as the code. */
  readonly asWords?: boolean;
  /** A bare status read as the one answer the RFC names for its endpoint (bare-status.ts). */
  readonly byEndpoint?: boolean;
  /**
   * A bare status the text names no request for: the question that would decide between its
   * readings (bare-status.ts), asked beside them.
   */
  readonly asks?: string;
}
