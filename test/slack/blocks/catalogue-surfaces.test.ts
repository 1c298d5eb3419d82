import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue, Entry } from '../../../src/core/catalogue/catalogue.js';
import type { CheckOutcome } from '../../../src/core/check/types.js';
import { makeFinding } from '../../../src/core/finding.js';
import { answerFromState, type Answer } from '../../../src/slack/answers.js';
import { answerMessage, channelReplyMessage } from '../../../src/slack/blocks/answer.js';
import { checkResultView } from '../../../src/slack/blocks/check-result.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { listMessage } from '../../../src/slack/blocks/list.js';
import { limitViolations, unescapedMarkup } from '../support/blocks-check.js';
import { shippedCatalogue } from '../support/harness.js';

/** A failed check whose findings name `entry`, with server text that is markup itself. */
function outcomeNaming(entry: Entry, others: readonly Entry[]): CheckOutcome {
  const finding = (e: Entry) =>
    makeFinding('token', {
      id: e.id,
      code: 'token.error',
      title: `${e.title} <!channel> & more`,
      evidence: '400 {"error":"invalid_grant","error_description":"<b>bad</b> & worse"}',
      confirmAt: 'Setup > Users/Roles > View Login Audit Trail',
    });
  return {
    ok: false,
    system: 'workday',
    findings: [entry, ...others].map(finding),
    steps: [{ name: 'token <request>', status: 'failed', detail: 'HTTP 400 & <html>' }],
    requests: [
      {
        method: 'POST',
        url: 'https://wd2-impl-services1.workday.com/ccx/oauth2/a&b/token?x=<y>',
        headers: { authorization: 'Basic ••••' },
        form: { grant_type: 'refresh_token', refresh_token: '••••' },
      },
    ],
    tokenIssued: false,
    durationMs: 12,
    target: { host: 'wd2-impl-services1.workday.com', tenant: 'acme<&>' },
  };
}

describe('every catalogue entry on every surface', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await shippedCatalogue();
  });

  function answerFor(entry: Entry): Answer {
    const others = catalogue.entries.filter((e) => e.id !== entry.id).slice(0, 2);
    const answer = answerFromState(catalogue, {
      id: entry.id,
      confidence: 0.9,
      alternatives: others.map((e) => ({ id: e.id, confidence: 0.4 })),
      thread: { channel: 'C1', ts: '1700000000.000100' },
    });
    if (answer === undefined) throw new Error(`no answer for ${entry.id}`);
    return { ...answer, why: ['code <x> & "y"'] };
  }

  it('renders with entry text escaped and every block within Slack limits', () => {
    const problems: string[] = [];
    for (const entry of catalogue.entries) {
      const answer = answerFor(entry);
      const others = catalogue.entries.filter((e) => e.id !== entry.id).slice(0, 4);
      const surfaces: [string, Record<string, unknown>, number][] = [
        ['private answer', { ...answerMessage(answer, 'private') }, 50],
        ['shortcut answer', { ...answerMessage(answer, 'thread') }, 50],
        ['shared answer', { ...answerMessage(answer, 'shared', 'Shared by <@U1>') }, 50],
        ['thread reply', { ...channelReplyMessage(answer.entry, answer.state) }, 50],
        [
          'check result modal',
          { ...checkResultView(outcomeNaming(entry, others), catalogue) },
          100,
        ],
      ];
      for (const [surface, payload, maxBlocks] of surfaces) {
        for (const p of [...limitViolations(payload, maxBlocks), ...unescapedMarkup(payload)])
          problems.push(`${entry.id} ${surface}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows text with <, > and & as typed: escaped, not dropped', () => {
    const marked = catalogue.entries.filter((e) =>
      /[<>&]/.test([e.title, e.reason, ...e.steps].join(' ')),
    );
    expect(marked.length).toBeGreaterThan(0);
    for (const entry of marked) {
      const text = JSON.stringify(answerMessage(answerFor(entry), 'private').blocks);
      expect(text).toMatch(/&(lt|gt|amp);/);
    }
  });

  it('lists the catalogue (App Home, /authhelp list) escaped and within limits', () => {
    for (const payload of [{ ...homeView(catalogue) }, { ...listMessage(catalogue) }]) {
      expect(unescapedMarkup(payload)).toEqual([]);
      expect(limitViolations(payload, 100)).toEqual([]);
    }
  });
});
