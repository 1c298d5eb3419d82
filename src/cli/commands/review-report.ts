import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { catalogueVersion } from '../../core/learning/catalogue-version.js';
import { draftEntry, type Nearest } from '../../core/learning/draft.js';
import type { DiagnosisRecord, FeedbackRecord, Surface } from '../../core/learning/records.js';
import { buildReview, type Review, type ReviewTemplate } from '../../core/learning/review.js';
import { createTemplater } from '../../core/learning/template.js';
import { vocabularyOf } from '../../core/learning/vocabulary.js';
import type { Diagnoser } from '../../core/matching/types.js';

/** A template of the review with what the catalogue answers today and a drafted entry. */
export interface ReportTemplate extends ReviewTemplate {
  readonly nearest: readonly Nearest[];
  /** The surface of the paste `example` came from (an eval case's `via`). */
  readonly exampleVia?: 'channel' | 'command';
  readonly draft: { readonly system: string; readonly id: string; readonly yaml: string };
}

/** `authhelp review --json`: one object. */
export interface ReviewReport extends Omit<Review, 'templates'> {
  /** ISO 8601: records at or after it were read. */
  readonly since: string;
  readonly catalogueVersion: string;
  readonly templates: readonly ReportTemplate[];
}

export interface ReportInput {
  readonly since: string;
  readonly diagnoses: readonly DiagnosisRecord[];
  readonly feedback: readonly FeedbackRecord[];
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
}

/** buildReview over the records, and a draft for each template against the catalogue. */
export function reviewReport(input: ReportInput): ReviewReport {
  const { catalogue, diagnoser } = input;
  const templater = createTemplater(vocabularyOf(catalogue));
  const review = buildReview({
    diagnoses: input.diagnoses,
    feedback: input.feedback,
    templater,
    since: input.since,
  });
  const via = surfaceOfText(input.diagnoses);
  const templates = review.templates.map((t): ReportTemplate => {
    const draft = draftEntry(
      {
        template: t.template,
        count: t.count,
        users: t.users,
        ...(t.example === undefined ? {} : { example: t.example }),
      },
      { catalogue, diagnoser, templater },
    );
    const surface = t.example === undefined ? undefined : via.get(t.example);
    return {
      ...t,
      nearest: draft.nearest,
      ...(surface === undefined ? {} : { exampleVia: viaOf(surface) }),
      draft: { system: draft.system, id: draft.entry.id, yaml: draft.yaml },
    };
  });
  return {
    ...review,
    since: input.since,
    catalogueVersion: catalogueVersion(catalogue),
    templates,
  };
}

/** The surface of the latest paste of each kept text (records come in time order). */
function surfaceOfText(diagnoses: readonly DiagnosisRecord[]): Map<string, Surface> {
  const out = new Map<string, Surface>();
  for (const d of diagnoses) if (d.maskedText !== undefined) out.set(d.maskedText, d.surface);
  return out;
}

/** The eval sets know two ways in: a message in a channel (a shortcut reads one) or a command. */
function viaOf(surface: Surface): 'channel' | 'command' {
  return surface === 'channel' || surface === 'shortcut' ? 'channel' : 'command';
}
