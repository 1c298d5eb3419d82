import { describe, expect, it } from '@jest/globals';
import { draftEntry } from '../../../src/core/learning/draft.js';
import type { ReviewTemplate } from '../../../src/core/learning/review.js';
import { createTemplater } from '../../../src/core/learning/template.js';
import { vocabularyOf } from '../../../src/core/learning/vocabulary.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { catalogueProblemModal, draftModal } from '../../../src/slack/blocks/catalogue-health.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';
import { limitViolations, unescapedMarkup } from '../support/blocks-check.js';

const catalogue = await fixtureCatalogue();
const templater = createTemplater(vocabularyOf(catalogue));
const diagnoser = createDiagnoser(catalogue);

/** A template whose text would break mrkdwn or a code span if it were not escaped. */
const hostile = (i: number, example?: string): ReviewTemplate => ({
  id: `t${String(i).padStart(11, '0')}`,
  template: `<!channel> & <https://evil.example|click> \`\`\` invalid_client ${'x '.repeat(400)}`,
  count: 100 - i,
  users: 1 + i,
  unanswered: 90 - i,
  down: 10,
  instead: 0,
  ...(example === undefined ? {} : { example }),
  firstSeen: '2026-11-20T00:00:00.000Z',
  lastSeen: '2026-11-26T00:00:00.000Z',
});

/** Every preformatted text of a view, joined: what a maintainer copies. */
function preformattedText(view: { blocks: unknown[] }, from: number): string {
  return (
    view.blocks.slice(from) as { type: string; elements?: { elements: { text: string }[] }[] }[]
  )
    .filter((b) => b.type === 'rich_text')
    .map((b) => b.elements![0]!.elements[0]!.text)
    .join('\n');
}

describe('Catalogue health on App Home', () => {
  it('lists templates escaped and within limits, each with a Draft entry button', () => {
    const templates = Array.from({ length: 5 }, (_, i) => hostile(i));
    const view = homeView(catalogue, { days: 7, diagnoses: 1234, templates, more: 12 });
    expect(limitViolations(view as never, 100)).toEqual([]);
    expect(unescapedMarkup(view)).toEqual([]);
    const text = JSON.stringify(view);
    expect(text).toContain('Catalogue health');
    expect(text).toContain('100 pastes · 1 person');
    expect(text).toContain('12 more templates');
    expect(text).not.toContain('<!channel>');
    const draftButtons = (view.blocks as { accessory?: { action_id: string; value: string } }[])
      .map((b) => b.accessory)
      .filter((a) => a?.action_id === 'authhelp_draft_entry');
    expect(draftButtons.map((b) => b!.value)).toEqual(templates.map((t) => t.id));
    // Health comes before the catalogue, so a long catalogue is what gets cut.
    expect(text.indexOf('Catalogue health')).toBeLessThan(
      text.indexOf(catalogue.systems[0]!.title),
    );
  });

  it('says when nothing was missed, and when the store could not be read', () => {
    const none = JSON.stringify(
      homeView(catalogue, { days: 7, diagnoses: 3, templates: [], more: 0 }),
    );
    expect(none).toContain('Nothing unanswered or rejected this week.');
    expect(JSON.stringify(homeView(catalogue, 'unavailable'))).toContain('could not be read');
  });

  it('leaves everyone else’s App Home as it was', () => {
    expect(JSON.stringify(homeView(catalogue))).not.toContain('Catalogue health');
  });
});

describe('the Draft entry modal', () => {
  it('shows the drafted YAML and a long masked example exactly, in copyable blocks within limits', () => {
    const example = `POST /token → 400 {"error":"invalid_client"} <tenant> & \`x\`\n${'trace line with detail\n'.repeat(150)}`;
    const template = hostile(0, example);
    const draft = draftEntry(
      { template: template.template, count: template.count, users: template.users, example },
      { catalogue, diagnoser, templater },
    );
    const view = draftModal(template, draft);
    expect(limitViolations(view as never, 100)).toEqual([]);
    expect(unescapedMarkup(view)).toEqual([]);
    const blocks = view.blocks as { type: string; text?: { text: string } }[];
    const exampleAt = blocks.findIndex((b) => b.text?.text.startsWith('*Example*'));
    expect(preformattedText(view, 0).startsWith(draft.yaml.split('\n')[0]!)).toBe(true);
    expect(preformattedText({ blocks: blocks.slice(0, exampleAt) }, 0)).toBe(draft.yaml);
    expect(preformattedText(view, exampleAt)).toBe(example);
  });

  it('cuts a one-line example longer than a block into blocks, every character kept', () => {
    const example = 'y'.repeat(4096);
    const template = hostile(0, example);
    const draft = draftEntry(
      { template: template.template, count: 1, users: 1, example },
      { catalogue, diagnoser, templater },
    );
    const view = draftModal(template, draft);
    expect(limitViolations(view as never, 100)).toEqual([]);
    const blocks = view.blocks as { type: string; text?: { text: string } }[];
    const exampleAt = blocks.findIndex((b) => b.text?.text.startsWith('*Example*'));
    expect(preformattedText(view, exampleAt).replace(/\n/g, '')).toBe(example);
  });

  it('says why there is no draft', () => {
    expect(JSON.stringify(catalogueProblemModal('gone'))).toContain('no longer in this week');
    expect(JSON.stringify(catalogueProblemModal('unavailable'))).toContain('could not be read');
  });
});
