import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { answerOf, askOf } from '../../../src/slack/answers.js';
import { answerMessage } from '../../../src/slack/blocks/answer.js';
import { askBlock } from '../../../src/slack/blocks/ask.js';
import { noMatchMessage } from '../../../src/slack/blocks/no-match.js';
import { fixtureCatalogue, fixtureDiagnoser } from '../../support/fixture-catalogue.js';
import { limitViolations, unescapedMarkup } from '../support/blocks-check.js';

let catalogue: Catalogue;
let diagnoser: Diagnoser;

beforeAll(async () => {
  catalogue = await fixtureCatalogue();
  diagnoser = await fixtureDiagnoser();
});

/** A bare invalid_client names no system: the matcher asks which one answered. */
const UNNAMED = 'POST /oauth/token -> 401 {"error":"invalid_client"}';

const texts = (payload: unknown): string => JSON.stringify(payload);

describe('askBlock', () => {
  it('shows the question and each reading with its title, markup escaped', () => {
    const block = askBlock({
      question: 'Which system answered for <tenant> & co?',
      readings: [
        { id: 'workday/invalid-credentials', title: 'Bad <client> & secret' },
        { id: 'x/y' },
      ],
    });
    expect(block).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          ':grey_question: *To decide:* Which system answered for &lt;tenant&gt; &amp; co?\n' +
          '• `workday/invalid-credentials` — Bad &lt;client&gt; &amp; secret\n' +
          '• `x/y`',
      },
    });
    expect(unescapedMarkup({ blocks: [block] })).toEqual([]);
  });
});

describe('the private answers render the question', () => {
  it('shows it under the /authhelp answer and the shortcut answer, not in what the channel sees', () => {
    const answer = answerOf(diagnoser.diagnose(UNNAMED), 'command');
    expect(answer?.ask?.question).toMatch(/^Which system answered with invalid_client\?/);
    if (answer === undefined) return;
    for (const mode of ['private', 'thread'] as const) {
      const message = answerMessage(answer, mode);
      expect(texts(message)).toContain('*To decide:* Which system answered with invalid_client?');
      expect(texts(message)).toContain('`workday/invalid-credentials`');
      expect(limitViolations({ ...message }, 50)).toEqual([]);
      expect(unescapedMarkup(message)).toEqual([]);
    }
    expect(texts(answerMessage(answer, 'shared'))).not.toContain('To decide');
  });

  it('shows it when nothing met the bar, beside the closest entries', () => {
    const d = diagnoser.diagnose(UNNAMED);
    const message = noMatchMessage(catalogue, d.matches, undefined, undefined, {
      question: 'Which system issued this 401?',
      readings: d.matches.slice(0, 2).map((m) => ({ id: m.id, title: m.entry.title })),
    });
    expect(texts(message)).toContain('*To decide:* Which system issued this 401?');
    expect(unescapedMarkup(message)).toEqual([]);
  });

  it('asks which request answered a bare 401, with both readings, in the private reply', () => {
    const d = diagnoser.diagnose('401 Unauthorized');
    const message = noMatchMessage(catalogue, d.matches, undefined, undefined, askOf(d).ask);
    expect(texts(message)).toContain('*To decide:* Which request answered 401');
    expect(texts(message)).toContain('`oauth2/invalid_token`');
    expect(texts(message)).toContain('`oauth2/invalid_client`');
    expect(limitViolations({ ...message }, 50)).toEqual([]);
    expect(unescapedMarkup(message)).toEqual([]);
  });

  it('shows nothing to decide when the diagnosis asks nothing', () => {
    const answer = answerOf(
      diagnoser.diagnose(
        'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}',
      ),
      'command',
    );
    expect(answer?.ask).toBeUndefined();
    if (answer !== undefined)
      expect(texts(answerMessage(answer, 'private'))).not.toContain('To decide');
  });
});
