import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspectToken } from '../../../src/core/jwt/inspect.js';
import { inspectionResultView, inspectModalView } from '../../../src/slack/blocks/inspection.js';
import { parseCommandText } from '../../../src/slack/command-text.js';
import { ACTION, BLOCK, CALLBACK, INSPECT_VALUE } from '../../../src/slack/ids.js';
import { limitViolations } from '../support/blocks-check.js';
import { repliesTo, startHarness, type Harness } from '../support/harness.js';
import { interactionBody, viewSubmissionPayload } from '../support/payloads.js';
import { assertion, mint, netsuiteAccess, NOW, NOW_S, options } from '../../support/mint.js';

const FORM = 'application/x-www-form-urlencoded';

function viewSubmission(value: string): string {
  return interactionBody(
    viewSubmissionPayload(
      {
        id: 'V1',
        type: 'modal',
        callback_id: CALLBACK.inspectForm,
        state: {
          values: {
            [BLOCK.inspectInput]: { [INSPECT_VALUE]: { type: 'plain_text_input', value } },
          },
        },
      },
      '1337.45.mnop',
    ),
  );
}

describe('token inspector in Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => NOW });
  });
  afterAll(async () => {
    await h.stop();
  });

  async function ask(text: string): Promise<Record<string, unknown>> {
    const { responseUrl } = await h.command(text);
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
    return repliesTo(h.standIn, responseUrl)[0]!.body;
  }

  it('answers /authhelp <token> privately with the inspection, never the token', async () => {
    const token = await netsuiteAccess({ exp: NOW_S - 11520 });
    const reply = await ask(token);
    expect(reply['response_type']).toBe('ephemeral');
    const text = JSON.stringify(reply);
    expect(text).toContain('netsuite/AccessTokenExpired');
    expect(text).toContain('expired 3 h 12 min ago');
    expect(text).toContain('without verifying the signature');
    expect(text).not.toContain(token.split('.')[2]);
    expect(limitViolations(reply, 50)).toEqual([]);
    expect(h.logs.join('\n')).not.toContain(token.split('.')[2]);
  });

  it('answers /authhelp Bearer <token> and /authhelp inspect <garbage>', async () => {
    const bearer = JSON.stringify(await ask(`Bearer ${await assertion({}, { alg: 'RS256' })}`));
    expect(bearer).toContain('netsuite/UnsupportedAlgo');
    const garbage = JSON.stringify(await ask('inspect abc.def'));
    expect(garbage).toContain('Not a JWT');
  });

  it('leaves an error text that quotes a token to the diagnoser', async () => {
    const token = await mint({ exp: NOW_S + 60 });
    const reply = JSON.stringify(await ask(`401 invalid_token for ${token}`));
    expect(reply).not.toContain('without verifying the signature');
  });

  it('opens the modal from App Home and from /authhelp inspect', async () => {
    await h.click({ actionId: ACTION.inspectToken, container: 'home' });
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === 1);
    await h.command('inspect');
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === 2);
    for (const call of h.standIn.api('views.open')) {
      const view = call.body['view'] as Record<string, unknown>;
      expect(view['callback_id']).toBe(CALLBACK.inspectForm);
      expect(limitViolations(view, 100)).toEqual([]);
    }
  });

  it('shows the inspection in place of the modal on submit', async () => {
    const token = await assertion({ iat: NOW_S - 60, exp: NOW_S - 60 + 86400 });
    const res = await h.post(viewSubmission(`  ${token}\n`), FORM);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; view: Record<string, unknown> };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view)).toContain('netsuite/TokenValidityTooBroad');
    expect(res.text).not.toContain(token.split('.')[2]);
    expect(limitViolations(body.view, 100)).toEqual([]);
  });
});

describe('token inspector blocks', () => {
  it('stay within Block Kit limits for huge and hostile claims', async () => {
    const claims = {
      exp: NOW_S + 60,
      big: 'x'.repeat(50_000),
      markup: '<!channel> *bold* <https://evil|click>',
    };
    const inspection = inspectToken(await mint(claims), options());
    const view = inspectionResultView(inspection) as unknown as Record<string, unknown>;
    expect(limitViolations(view, 100)).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    expect(limitViolations(inspectModalView() as unknown as Record<string, unknown>, 100)).toEqual(
      [],
    );
  });

  it.each([
    ['inspect', 'inspect-form'],
    ['  INSPECT  ', 'inspect-form'],
    ['list', 'list'],
    ['invalid_client from workday', 'diagnose'],
    ['inspect not-a-token', 'inspect'],
  ])('parses %j as %s', (text, kind) => {
    expect(parseCommandText(text).kind).toBe(kind);
  });
});
