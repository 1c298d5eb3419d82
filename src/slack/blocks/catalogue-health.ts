import type { Draft } from '../../core/learning/draft.js';
import type { ReviewTemplate } from '../../core/learning/review.js';
import { ACTION, CALLBACK } from '../ids.js';
import { percent } from './entry.js';
import {
  LIMITS,
  button,
  chunkLines,
  context,
  divider,
  escapeMrkdwn,
  header,
  quoted,
  section,
  truncate,
  type Block,
} from './limits.js';
import { modal, type ModalView } from './view.js';

/** This week's review as App Home shows it to maintainers. */
export interface HealthSummary {
  readonly days: number;
  /** Diagnoses recorded in those days. */
  readonly diagnoses: number;
  /** The top templates (unanswered or rejected), best first. */
  readonly templates: readonly ReviewTemplate[];
  /** Templates not shown. */
  readonly more: number;
}

/** Characters of a template shown on App Home: the start tells failures apart. */
const TEMPLATE_PREVIEW = 280;

/**
 * "Catalogue health" for App Home: the week's top unanswered or 👎 templates with counts, each
 * with a "Draft entry" button. `unavailable`: the store could not be read this time.
 */
export function catalogueHealthBlocks(health: HealthSummary | 'unavailable'): Block[] {
  const blocks: Block[] = [divider(), header('Catalogue health')];
  if (health === 'unavailable')
    return [
      ...blocks,
      context('The review could not be read from the store just now: reopen this tab.'),
    ];
  blocks.push(
    context(
      `Last ${health.days} days: ${plural(health.diagnoses, 'diagnosis', 'diagnoses')}. Pastes the catalogue did not answer, or answered and got 👎 or another pick, grouped by error template. You see this because you are in AUTHHELP_MAINTAINERS.`,
    ),
  );
  if (health.templates.length === 0)
    return [...blocks, section('Nothing unanswered or rejected this week.')];
  for (const t of health.templates) blocks.push(templateBlock(t));
  blocks.push(
    context(
      `${health.more > 0 ? `${plural(health.more, 'more template')}. ` : ''}\`authhelp review --since ${health.days}d\` lists them all, with per-entry figures.`,
    ),
  );
  return blocks;
}

function templateBlock(t: ReviewTemplate): Block {
  const why = [
    t.unanswered > 0 ? `${t.unanswered} unanswered` : '',
    t.down > 0 ? `${t.down} 👎` : '',
    t.instead > 0 ? `${t.instead} picked another entry` : '',
  ].filter((s) => s !== '');
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncate(
        `*${plural(t.count, 'paste')} · ${plural(t.users, 'person', 'people')}* — ${why.join(', ')}\n\`${quoted(t.template, TEMPLATE_PREVIEW)}\``,
        LIMITS.sectionText,
      ),
    },
    accessory: button({ actionId: ACTION.draftEntry, text: 'Draft entry', value: t.id }),
  };
}

/** The drafted entry, to copy into knowledge/, with the masked example it was drafted from. */
export function draftModal(template: ReviewTemplate, draft: Draft): ModalView {
  const nearest = draft.nearest
    .slice(0, 3)
    .map((n) => `\`${escapeMrkdwn(n.id)}\` ${percent(n.confidence)}`);
  const blocks: Block[] = [
    section(
      `*\`${escapeMrkdwn(draft.entry.id)}\`* for \`knowledge/${escapeMrkdwn(draft.system)}.yml\`: paste it under \`entries:\`, fill in \`reason\`, \`steps\` and \`sources\`, then run \`authhelp lint\` and \`authhelp reload\`.`,
    ),
    ...preformatted(draft.yaml),
    context(
      `${plural(template.count, 'paste')} · ${plural(template.users, 'person', 'people')} · nearest today: ${nearest.length > 0 ? nearest.join(', ') : 'none'}`,
    ),
  ];
  if (template.example !== undefined)
    blocks.push(section('*Example* (credentials masked)'), ...preformatted(template.example));
  return modal({ callbackId: CALLBACK.draftEntry, title: 'Draft entry', blocks });
}

/**
 * In place of a draft: `gone`, the template left the week's review (it aged out, or the catalogue
 * answers it now); `unavailable`, the store could not be read.
 */
export function catalogueProblemModal(problem: 'gone' | 'unavailable'): ModalView {
  return modal({
    callbackId: CALLBACK.draftEntry,
    title: 'Draft entry',
    blocks: [
      section(
        problem === 'gone'
          ? "This template is no longer in this week's review: it aged out, or the catalogue answers it now. Reopen App Home for the current list."
          : 'The review could not be read from the store just now. Try again in a moment.',
      ),
    ],
  });
}

/** Text shown as typed (rich text, no mrkdwn to escape), in chunks of whole lines where it can. */
function preformatted(text: string): Block[] {
  const max = LIMITS.sectionText;
  const lines = text
    .split('\n')
    .flatMap((line) =>
      Array.from({ length: Math.ceil(line.length / max) || 1 }, (_, i) =>
        line.slice(i * max, (i + 1) * max),
      ),
    );
  return chunkLines(lines, max).map((chunk) => ({
    type: 'rich_text',
    elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: chunk }] }],
  }));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
