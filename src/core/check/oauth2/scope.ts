import { makeFinding, type Finding } from '../../finding.js';
import { quote } from '../flow/quote.js';
import type { TokenVerdict } from '../flow/token-answer.js';

/**
 * RFC 6749 §3.3: a server may grant less than was asked and must then say so in `scope`. A granted
 * scope that lacks a requested one (or no `scope` at all when one was asked for) is worth a warning:
 * the API call fails later with insufficient_scope and nobody connects the two.
 */
export function scopeNotes(requested: string | undefined, verdict: TokenVerdict): Finding[] {
  const asked = split(requested);
  if (asked.length === 0) return [];
  const raw = verdict.reply.json?.['scope'];
  if (typeof raw !== 'string') {
    return [
      note(
        'token.scope.not-stated',
        'The answer does not say which scope was granted: servers that drop scopes silently answer like this; check the token or the API call',
        `requested ${quote(asked.join(' '))}; the answer has no scope field (RFC 6749 §5.1 reads that as "as requested")`,
        35,
      ),
    ];
  }
  const granted = new Set(split(raw));
  const dropped = asked.filter((s) => !granted.has(s));
  if (dropped.length === 0) return [];
  return [
    note(
      'token.scope.dropped',
      `The server granted less scope than requested: ${dropped.map((s) => quote(s, 60)).join(', ')} ${dropped.length === 1 ? 'was' : 'were'} dropped`,
      `requested ${quote(asked.join(' '))}, granted ${quote(raw)} (RFC 6749 §3.3)`,
      60,
    ),
  ];
}

function split(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s !== '');
}

function note(code: string, title: string, evidence: string, score: number): Finding {
  return makeFinding('token', {
    code,
    severity: 'warning',
    title,
    evidence,
    fields: ['scope'],
    score,
  });
}
