import { classify, KIND_LABELS } from './classify.js';
import { decodeToken } from './decode.js';
import { makeFinding, sortFindings, type Finding } from '../finding.js';
import { normaliseToken } from './normalise.js';
import { commonFindings, type RuleContext } from './rules-common.js';
import { idTokenFindings } from './rules-oidc.js';
import { assertionFindings, issuedTokenFindings } from './rules-netsuite.js';
import { describeTimes } from './time.js';
import type { InspectOptions, Inspection } from './types.js';

const DEFAULT_LEEWAY = 60;

/** Said on every decoded inspection until a key confirms the signature. */
const UNVERIFIED = makeFinding('token', {
  code: 'token.unverified',
  severity: 'info',
  title: 'Decoded without verifying the signature: anyone can make a token that decodes like this',
  evidence: 'give --public-key FILE, --jwks-url URL or --issuer URL to check the signature',
  score: 1,
});

/**
 * Decodes a pasted token without verifying it, says what it is and what NetSuite, Workday or an
 * OAuth 2.0 server would object to. Pure and total: any input gives an inspection, never a throw.
 */
export function inspectToken(input: string, options: InspectOptions): Inspection {
  const { token, notes } = normaliseToken(input);
  const fingerprint = safeFingerprint(token, options);
  try {
    return inspectNormalised(token, notes, fingerprint, options);
  } catch {
    // Defence in depth: a bug here must not crash the CLI or the Slack handler.
    return failed(fingerprint, [
      makeFinding('token', {
        code: 'token.internal',
        title: 'The token could not be inspected',
        evidence: 'internal error',
      }),
    ]);
  }
}

/** The normalised token the inspection looked at (for verification after inspecting). */
export function tokenForVerification(input: string): string {
  return normaliseToken(input).token;
}

function inspectNormalised(
  token: string,
  notes: readonly string[],
  fingerprint: string,
  options: InspectOptions,
): Inspection {
  const cleanup = notes.map((n) =>
    makeFinding('token', {
      code: 'token.input.cleaned',
      severity: 'info',
      title: `Input cleaned: ${n}`,
      evidence: n,
      score: 2,
    }),
  );
  const decoded = decodeToken(token);
  if (!decoded.ok) {
    const kind = decoded.encrypted ? 'encrypted' : 'malformed';
    return {
      ...failed(fingerprint, [decoded.finding, ...cleanup]),
      kind,
      kindLabel: KIND_LABELS[kind],
    };
  }
  const { header, claims } = decoded;
  const { kind, foreignIssuer } = classify(claims);
  const ctx: RuleContext = {
    kind,
    header,
    claims,
    now: options.now.getTime() / 1000,
    leeway: options.leewaySeconds ?? DEFAULT_LEEWAY,
  };
  const nsOptions = { use: options.use, clientId: options.clientId };
  const specific =
    kind === 'netsuite-assertion'
      ? assertionFindings(ctx, nsOptions)
      : kind === 'netsuite-access' || kind === 'netsuite-refresh'
        ? issuedTokenFindings(ctx, foreignIssuer, nsOptions)
        : [];
  return {
    decoded: true,
    kind,
    kindLabel: KIND_LABELS[kind],
    fingerprint,
    header,
    claims,
    times: describeTimes(claims, options.now),
    findings: sortFindings([
      ...commonFindings(ctx),
      ...specific,
      ...idTokenFindings(kind, header, claims, options.use),
      UNVERIFIED,
      ...cleanup,
    ]),
  };
}

function failed(fingerprint: string, findings: readonly Finding[]): Inspection {
  return {
    decoded: false,
    kind: 'malformed',
    kindLabel: KIND_LABELS.malformed,
    fingerprint,
    header: null,
    claims: null,
    times: [],
    findings: sortFindings(findings),
  };
}

function safeFingerprint(token: string, options: InspectOptions): string {
  try {
    return options.fingerprint(token);
  } catch {
    return 'unavailable';
  }
}

/** True when any finding is an error: the CLI's exit status 1. */
export function hasErrors(inspection: Inspection): boolean {
  return inspection.findings.some((f) => f.severity === 'error');
}
