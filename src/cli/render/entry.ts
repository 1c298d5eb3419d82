import { printableLines } from './terminal.js';
import type { Entry } from '../../core/catalogue/catalogue.js';

/** A catalogue entry as a person reads it in a terminal (control characters shown escaped). */
export function renderEntry(entry: Entry): string[] {
  return entryLines(entry).map(printableLines);
}

function entryLines(entry: Entry): string[] {
  const lines = [`${entry.title}  [${entry.id}]`, `System: ${entry.systemTitle}`];
  const facts = [
    entry.codes.length > 0 ? `code ${entry.codes.join(', ')}` : '',
    entry.status.length > 0 ? `HTTP ${entry.status.join(', ')}` : '',
  ].filter((s) => s !== '');
  if (facts.length > 0) lines.push(`Seen as: ${facts.join('; ')}`);
  lines.push('', 'Why:', wrap(entry.reason, '  '), '', 'Fix:');
  entry.steps.forEach((step, i) => lines.push(wrap(step, '     ', `  ${i + 1}. `)));
  lines.push('', 'Source:');
  for (const s of entry.sources) lines.push(`  ${s.title}`, `  ${s.url}`);
  if (entry.related.length > 0) lines.push('', `Related: ${entry.related.join(', ')}`);
  return lines;
}

/** Wraps at 100 columns with a hanging indent. */
export function wrap(text: string, indent: string, first = indent, width = 100): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + word.length + 1 > width) {
      out.push(line.trimEnd());
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  out.push(line.trimEnd());
  return out.join('\n');
}
