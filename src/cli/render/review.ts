import type { EntryFigures } from '../../core/learning/review.js';
import type { ReportTemplate, ReviewReport } from '../commands/review-report.js';
import { printable, printableLines } from './terminal.js';

/** Templates shown in full in a terminal; `--json` has them all. */
const SHOWN_TEMPLATES = 20;
/** Lines of a masked example shown; the draft and `--export` carry the rest. */
const EXAMPLE_LINES = 12;

/**
 * The review as a maintainer reads it: templates to answer, most pasted first, each with a masked
 * example, the nearest entries and a drafted entry; then how each entry fared. Every value read
 * from the store is printed escaped: a paste cannot drive the terminal.
 */
export function renderReview(report: ReviewReport, where: string): string[] {
  const lines = [
    `${report.diagnoses} diagnoses since ${report.since.slice(0, 16).replace('T', ' ')} UTC in ${where}; catalogue ${report.catalogueVersion}`,
  ];
  lines.push('', templatesHeading(report));
  report.templates
    .slice(0, SHOWN_TEMPLATES)
    .forEach((t, i) => lines.push('', ...templateLines(t, i + 1)));
  const hidden = report.templates.length - SHOWN_TEMPLATES;
  if (hidden > 0) lines.push('', `… and ${hidden} more (authhelp review --json lists them all)`);
  if (report.untemplated > 0)
    lines.push('', `${report.untemplated} missed diagnoses kept neither text nor template.`);
  lines.push('', ...entryLines(report.entries));
  return lines.map(printableLines);
}

function templatesHeading(report: ReviewReport): string {
  const n = report.templates.length;
  if (n === 0) return 'Nothing to review: every paste was answered and nobody said otherwise.';
  return `${n} ${n === 1 ? 'template' : 'templates'} unanswered or marked not helpful, most pasted first:`;
}

function templateLines(t: ReportTemplate, rank: number): string[] {
  const why = [
    t.unanswered > 0 ? `${t.unanswered} unanswered` : '',
    t.down > 0 ? `${t.down} 👎` : '',
    t.instead > 0 ? `${t.instead} picked another entry` : '',
  ].filter((s) => s !== '');
  const lines = [
    `${rank}. ${t.count} ${t.count === 1 ? 'paste' : 'pastes'} from ${t.users} ${t.users === 1 ? 'person' : 'people'} (${why.join(', ')}), ${day(t.firstSeen)} to ${day(t.lastSeen)}  [${t.id}]`,
    `   template: ${printable(cut(t.template, 300))}`,
  ];
  if (t.example === undefined) lines.push('   example: none kept (retention)');
  else {
    const example = t.example.split('\n');
    lines.push('   example (credentials masked):');
    for (const line of example.slice(0, EXAMPLE_LINES)) lines.push(`   | ${printable(line)}`);
    if (example.length > EXAMPLE_LINES)
      lines.push(`   | … ${example.length - EXAMPLE_LINES} more lines`);
  }
  const nearest = [...t.nearest]
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3)
    .map((n) => `${printable(n.id)} ${n.confidence.toFixed(2)}`)
    .join(', ');
  lines.push(`   nearest: ${nearest === '' ? 'none' : nearest}`);
  lines.push(`   draft for knowledge/${printable(t.draft.system)}.yml:`);
  for (const line of t.draft.yaml.trimEnd().split('\n'))
    lines.push(`   ${printable(line)}`.trimEnd());
  return lines;
}

function entryLines(entries: readonly EntryFigures[]): string[] {
  if (entries.length === 0) return ['No entry answered or was picked in this period.'];
  const width = Math.max(...entries.map((e) => e.id.length));
  const lines = ['Entries (answers, 👍, 👎, picked another → which):'];
  for (const e of entries) {
    const preferred = e.preferred.map((p) => `${printable(p.id)} ×${p.count}`).join(', ');
    lines.push(
      `  ${printable(e.id).padEnd(width)}  ${pad(e.answers)} answers  👍 ${pad(e.up)}  👎 ${pad(e.down)}  another ${pad(e.instead)}` +
        (preferred === '' ? '' : ` → ${preferred}`) +
        (e.pickedInstead > 0 ? `  (picked instead of another ${e.pickedInstead}×)` : ''),
    );
  }
  return lines;
}

function pad(n: number): string {
  return String(n).padStart(3);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
