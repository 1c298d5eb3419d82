import { answerMatch } from '../../core/matching/answer-bar.js';
import type { Diagnosis, Via } from '../../core/matching/types.js';
import { renderEntry } from './entry.js';
import { printable, printableLines } from './terminal.js';

/**
 * The best match for a person: the entry, how sure we are, and the runners-up; terminal-safe. With
 * `via` channel, first says whether authhelp would answer on its own in a support channel.
 */
export function renderDiagnosis(d: Diagnosis, via: Via = 'command'): string[] {
  return diagnosisLines(d, via).map(printableLines);
}

function diagnosisLines(d: Diagnosis, via: Via): string[] {
  const lines: string[] = [];
  if (d.truncated) lines.push(`(Only the first ${d.inputLength} characters were read.)`, '');
  if (via === 'channel' && d.matches.length > 0 && answerMatch(d, via) === undefined)
    lines.push('In a support channel authhelp would stay quiet: not sure enough.', '');
  const [best, ...rest] = d.matches;
  if (best === undefined) {
    lines.push(
      'No documented error matched this text.',
      'Try pasting the full response body or the Login Audit Trail Detail value,',
      'or list what the catalogue knows with `authhelp list`.',
    );
    return lines;
  }
  const sure = d.confident ? 'confident' : 'not sure';
  lines.push(
    `Best match (${Math.round(best.confidence * 100)}%, ${sure}): ${best.why.map(printable).join('; ')}`,
    '',
  );
  lines.push(...renderEntry(best.entry));
  if (rest.length > 0) {
    lines.push(
      '',
      `Other candidates: ${rest.map((m) => `${m.id} (${Math.round(m.confidence * 100)}%)`).join(', ')}`,
    );
  }
  if (d.ask !== undefined) {
    lines.push('', `To decide: ${d.ask.question}`, `  readings: ${d.ask.alternatives.join(', ')}`);
  }
  return lines;
}
