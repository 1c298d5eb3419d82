import { draftEntry, type Draft } from '../../core/learning/draft.js';
import type { LearningStore } from '../../adapters/store/learning.js';
import { buildReview, type ReviewTemplate } from '../../core/learning/review.js';
import type { HealthSummary } from '../blocks/catalogue-health.js';
import type { Services } from '../services.js';

/** What App Home shows maintainers, read from the store when they open it. */
export interface CatalogueHealth {
  /** Slack user ids in AUTHHELP_MAINTAINERS. */
  isMaintainer(user: string): boolean;
  summary(): Promise<HealthSummary>;
  /** The drafted entry for one of the week's templates; undefined when it is no longer there. */
  draft(templateId: string): Promise<{ template: ReviewTemplate; draft: Draft } | undefined>;
}

/** "This week" on App Home. */
const DAYS = 7;
/** Templates listed on App Home; `authhelp review` has the rest. */
const SHOWN = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface HealthParts {
  readonly learning: Pick<LearningStore, 'readSince'>;
  readonly services: Pick<Services, 'knowledge'>;
  readonly maintainers: readonly string[];
  readonly now?: () => number;
}

export function createCatalogueHealth(parts: HealthParts): CatalogueHealth {
  const maintainers = new Set(parts.maintainers);
  const now = parts.now ?? Date.now;
  /** The week's review with the catalogue answering now (its templater, matcher for drafts). */
  const review = async () => {
    const since = new Date(now() - DAYS * DAY_MS).toISOString();
    const records = await parts.learning.readSince(since);
    const knowledge = parts.services.knowledge();
    return {
      knowledge,
      review: buildReview({ ...records, templater: knowledge.templater(), since }),
    };
  };
  return {
    isMaintainer: (user) => maintainers.has(user),
    async summary() {
      const { review: r } = await review();
      return {
        days: DAYS,
        diagnoses: r.diagnoses,
        templates: r.templates.slice(0, SHOWN),
        more: Math.max(0, r.templates.length - SHOWN),
      };
    },
    async draft(templateId) {
      const { review: r, knowledge } = await review();
      const template = r.templates.find((t) => t.id === templateId);
      if (template === undefined) return undefined;
      const draft = draftEntry(
        {
          template: template.template,
          count: template.count,
          users: template.users,
          ...(template.example === undefined ? {} : { example: template.example }),
        },
        {
          catalogue: knowledge.catalogue,
          diagnoser: knowledge.diagnoser,
          templater: knowledge.templater(),
        },
      );
      return { template, draft };
    },
  };
}
