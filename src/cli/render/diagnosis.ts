import type { Diagnosis } from '../../core/matching/types.js';
import { renderEntry } from './entry.js';

/** The best match for a person: the entry, how sure we are, and the runners-up. */
export function renderDiagnosis(d: Diagnosis): string[] {
  const lines: string[] = [];
  if (d.truncated) lines.push(`(Only the first ${d.inputLength} characters were read.)`, '');
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
    `Best match (${Math.round(best.confidence * 100)}%, ${sure}): ${best.why.join('; ')}`,
    '',
  );
  lines.push(...renderEntry(best.entry));
  if (rest.length > 0) {
    lines.push(
      '',
      `Other candidates: ${rest.map((m) => `${m.id} (${Math.round(m.confidence * 100)}%)`).join(', ')}`,
    );
  }
  return lines;
}
