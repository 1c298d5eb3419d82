import { hasBlocking, rankFindings, type Finding } from '../../finding.js';
import type {
  AuthMethod,
  CheckOutcome,
  CheckSystem,
  CheckTarget,
  MaskedRequest,
  Step,
  TargetPolicy,
} from '../types.js';
import { readIssued, type Answer } from './issued.js';
import { maskRequest, redactOutcome, sentSecrets } from './mask.js';
import { networkFinding } from './network.js';
import { MASK, SecretScrubber } from './scrub.js';
import type { HttpRequestSpec, Transport } from './transport.js';

export interface CheckDeps {
  readonly transport: Transport;
  readonly now: () => Date;
  readonly policy: TargetPolicy;
  /** Receives a refresh token the server issued in place of the one sent (never shown). */
  readonly keepRefreshToken?: (token: string) => void;
}

/** Collects steps, findings and every request while a check runs; `finish` turns it into the outcome. */
export class CheckRecorder {
  readonly steps: Step[] = [];
  readonly findings: Finding[] = [];
  /** Every token request sent, masked, in order (Basic, then post). */
  readonly requests: MaskedRequest[] = [];
  authMethod: AuthMethod | undefined;
  /** A token endpoint issued a token (the API may still refuse it). */
  tokenIssued = false;
  readonly #started: number;
  readonly #deps: CheckDeps;
  readonly #system: CheckSystem;
  /** Every secret this check has sent or received; answers are scrubbed of them before anyone reads them. */
  readonly #scrubber = new SecretScrubber();

  constructor(system: CheckSystem, deps: CheckDeps) {
    this.#system = system;
    this.#deps = deps;
    this.#started = deps.now().getTime();
  }

  /**
   * Records the preflight and protects every value the user gave, before anything is sent (so an
   * answer to the first request is scrubbed of them too); returns false when something blocks sending.
   */
  preflight(findings: readonly Finding[], secrets: readonly (string | undefined)[]): boolean {
    this.protect(secrets);
    this.findings.push(...findings);
    const blocked = hasBlocking(findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const status = blocked || errors > 0 ? 'failed' : warnings > 0 ? 'warning' : 'passed';
    const detail = blocked
      ? 'problems found; nothing was sent'
      : errors + warnings === 0
        ? 'values look right'
        : `${errors} problem(s), ${warnings} warning(s); checking live anyway`;
    this.steps.push({ name: 'preflight', status, detail });
    if (blocked)
      this.steps.push({
        name: 'token request',
        status: 'skipped',
        detail: 'not sent because preflight found a blocking problem',
      });
    return !blocked;
  }

  /** Marks values that must never be shown (also those not sent, like a key's private parts). */
  protect(values: readonly (string | undefined)[]): void {
    this.#scrubber.add(values.filter((v) => v !== ''));
  }

  /**
   * Sends one request. The answer is scrubbed of every value sent, in every encoding, before
   * anything reads it; tokens a 2xx answer issues are taken out, protected too, and the rest
   * (headers and body) is masked, runs of secrets included, for the interpreters to read.
   */
  async send(name: string, spec: HttpRequestSpec, clientId?: string): Promise<Answer> {
    if (spec.method === 'POST') this.requests.push(maskRequest(spec, clientId));
    this.protect(sentSecrets(spec));
    const raw = await this.#deps.transport(spec);
    if (raw.kind === 'failure') {
      const detail = this.#scrubber.mask(raw.detail);
      this.findings.push(
        networkFinding(raw.reason, detail, spec.method === 'POST' ? 'token' : 'api'),
      );
      this.steps.push({ name, status: 'failed', detail: `no answer: ${raw.reason}` });
      return { ...raw, detail };
    }
    const scrubbed = this.#scrubber.scrub(raw.body);
    const issued = raw.status >= 200 && raw.status < 300 ? readIssued(scrubbed, MASK) : {};
    this.#scrubber.add([issued.accessToken, issued.refreshToken, issued.idToken], false);
    const headers = Object.fromEntries(
      Object.entries(raw.headers).map(([k, v]) => [k, this.#scrubber.mask(v)]),
    );
    return { ...raw, headers, body: this.#scrubber.mask(scrubbed), issued };
  }

  /** Hands a newly issued refresh token to the caller, if it asked for one; true when handed over. */
  keepRefreshToken(token: string): boolean {
    if (this.#deps.keepRefreshToken === undefined) return false;
    this.#deps.keepRefreshToken(token);
    return true;
  }

  /** Text for a finding that quotes what the server said, already masked. */
  masked(text: string): string {
    return this.#scrubber.mask(text);
  }

  step(name: string, ok: boolean, detail: string): void {
    this.steps.push({ name, status: ok ? 'passed' : 'failed', detail });
  }

  finish(
    ok: boolean,
    target: CheckTarget | null,
    secrets: readonly (string | undefined)[],
  ): CheckOutcome {
    const outcome: CheckOutcome = {
      ok,
      system: this.#system,
      findings: rankFindings(ok ? this.findings : this.findings.map(certainFirst)),
      steps: this.steps,
      requests: this.requests,
      tokenIssued: this.tokenIssued,
      durationMs: Math.max(0, this.#deps.now().getTime() - this.#started),
      target,
      ...(this.authMethod === undefined ? {} : { authMethod: this.authMethod }),
    };
    this.protect(secrets);
    return redactOutcome(outcome, this.#scrubber);
  }
}

/** Above every reading of the server's answer (at most 91) and below a wrong URL (95). */
const CERTAIN_SCORE = 93;

/**
 * A problem preflight found in what was sent (a 2048-bit key, an unsupported algorithm) is certain;
 * the server's answer only narrows down guesses. When the check fails, certain problems lead.
 */
function certainFirst(f: Finding): Finding {
  return f.source === 'preflight' && f.severity === 'error' && f.score < CERTAIN_SCORE
    ? { ...f, score: CERTAIN_SCORE }
    : f;
}
