/** Kinds of credential the guard recognises in pasted text. */
export type SecretKind =
  | 'jwt'
  | 'authorization-header'
  | 'basic-pair'
  | 'assignment'
  | 'private-key'
  | 'slack-token'
  | 'vendor-token';

export interface SecretFinding {
  readonly kind: SecretKind;
  /** Offsets of the secret value (not its label) in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** What it looks like, for a person: "a JWT", "an Authorization: Bearer header". */
  readonly label: string;
  /**
   * Where it was found, normalised: the assignment key (`client_secret`, `refresh_token`, …), the
   * header scheme (`basic`, `bearer`), where a user:password pair was written (`curl`, `url`), the token family (`jwe`, `xoxb`, `webhook`) or its vendor (`github`, `aws`). Never the value.
   */
  readonly name?: string;
}
