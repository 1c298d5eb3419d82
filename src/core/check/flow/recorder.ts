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
import { maskRequest, redactOutcome, scrubText, secretNeedles, sentSecrets } from './mask.js';
import { networkFinding } from './network.js';
import type { HttpRequestSpec, HttpResult, Transport } from './transport.js';

export interface CheckDeps {
  readonly transport: Transport;
  readonly now: () => Date;
  readonly policy: TargetPolicy;
}

/** Collects steps, findings and the last request while a check runs; `finish` turns it into the outcome. */
export class CheckRecorder {
  readonly steps: Step[] = [];
  readonly findings: Finding[] = [];
  request: MaskedRequest | null = null;
  authMethod: AuthMethod | undefined;
  readonly #started: number;
  readonly #deps: CheckDeps;
  readonly #system: CheckSystem;
  /** Every secret this check has sent; answers are scrubbed of them before anyone reads them. */
  readonly #protected = new Set<string>();

  constructor(system: CheckSystem, deps: CheckDeps) {
    this.#system = system;
    this.#deps = deps;
    this.#started = deps.now().getTime();
  }

  /** Records the preflight; returns false when something blocks sending. */
  preflight(findings: readonly Finding[]): boolean {
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
    for (const v of values) if (v !== undefined && v !== '') this.#protected.add(v);
  }

  async send(name: string, spec: HttpRequestSpec, clientId?: string): Promise<HttpResult> {
    if (spec.method === 'POST') this.request = maskRequest(spec, clientId);
    this.protect(sentSecrets(spec));
    const result = scrubResult(
      await this.#deps.transport(spec),
      secretNeedles([...this.#protected]),
    );
    if (result.kind === 'failure') {
      this.findings.push(
        networkFinding(result.reason, result.detail, spec.method === 'POST' ? 'token' : 'api'),
      );
      this.steps.push({ name, status: 'failed', detail: `no answer: ${result.reason}` });
    }
    return result;
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
      findings: rankFindings(this.findings),
      steps: this.steps,
      request: this.request,
      durationMs: Math.max(0, this.#deps.now().getTime() - this.#started),
      target,
      ...(this.authMethod === undefined ? {} : { authMethod: this.authMethod }),
    };
    this.protect(secrets);
    return redactOutcome(outcome, [...this.#protected]);
  }
}

/** A server may quote what it got; scrub before interpreting so excerpts cannot cut a secret in half. */
function scrubResult(result: HttpResult, needles: readonly string[]): HttpResult {
  if (result.kind === 'failure') return result;
  const headers = Object.fromEntries(
    Object.entries(result.headers).map(([k, v]) => [k, scrubText(v, needles)]),
  );
  return { ...result, headers, body: scrubText(result.body, needles) };
}
