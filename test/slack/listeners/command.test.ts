import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { limitViolations } from '../support/blocks-check.js';
import { repliesTo, startHarness, type Harness } from '../support/harness.js';

/** What the app posted to the command's response_url (it acks first, then replies). */
async function reply(h: Harness, text: string): Promise<Record<string, unknown>> {
  const { res, responseUrl } = await h.command(text);
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
  const [first] = repliesTo(h.standIn, responseUrl);
  expect(limitViolations(first!.body, 50)).toEqual([]);
  return first!.body;
}

const NETSUITE_PASTE = 'Login Audit Trail detail: TokenRejected';
const WORKDAY_PASTE =
  '{"error":"invalid_client"} from https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token';

describe('/authhelp', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('acks well within 3 seconds, then answers a paste privately with the best match', async () => {
    const { res, responseUrl } = await h.command(NETSUITE_PASTE);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
    const body = repliesTo(h.standIn, responseUrl)[0]!.body;
    expect(body['response_type']).toBe('ephemeral');
    const text = JSON.stringify(body['blocks']);
    expect(text).toContain('`netsuite/TokenRejected`');
    expect(text).toContain('confidence');
    expect(text).toContain('1. ');
    expect(text).toContain('*Source:* <https://');
    for (const button of ['Share in channel', 'Test a connection', '👍 Helpful', '👎 Not helpful'])
      expect(text).toContain(button);
  });

  it('offers up to two alternatives as buttons', async () => {
    const body = await reply(h, WORKDAY_PASTE);
    const actions = (body['blocks'] as { type: string; elements?: { action_id: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.action_id)
      .filter((id) => id.startsWith('authhelp_alt_'));
    expect(actions.length).toBeLessThanOrEqual(2);
    expect(JSON.stringify(body)).toContain('workday/invalid-credentials');
  });

  it('never logs the pasted text, only its length and a hash', async () => {
    const secretish = 'Login Audit Trail detail: TokenRejected for acme-payroll-integration-7731';
    await reply(h, secretish);
    const logged = h.logs.join('\n');
    expect(logged).not.toContain('acme-payroll-integration-7731');
    expect(logged).toContain('"textHash"');
  });

  it.each(['', 'help', '?'])('answers %p with usage and examples', async (text) => {
    const body = await reply(h, text);
    expect(JSON.stringify(body)).toContain('/authhelp list [system]');
    expect(JSON.stringify(body)).toContain('Examples');
  });

  it('lists the catalogue by system', async () => {
    const body = await reply(h, 'list');
    const text = JSON.stringify(body);
    for (const system of h.catalogue.systems) expect(text).toContain(system.title);
    expect(text).toContain('`netsuite/TokenRejected`');
  });

  it('lists one system', async () => {
    const text = JSON.stringify(await reply(h, 'list workday'));
    expect(text).toContain('workday/invalid-credentials');
    expect(text).not.toContain('netsuite/TokenRejected');
  });

  it('says which systems exist when asked for an unknown one', async () => {
    const text = JSON.stringify(await reply(h, 'list sap'));
    expect(text).toContain("I don't know the system `sap`");
    expect(text).toContain('workday');
  });

  it('shows one entry by id, case-insensitively', async () => {
    const text = JSON.stringify(await reply(h, 'show netsuite/tokenrejected'));
    expect(text).toContain('`netsuite/TokenRejected`');
    expect(text).not.toContain('confidence');
  });

  it('suggests ids for an unknown one', async () => {
    const text = JSON.stringify(await reply(h, 'show TokenRejected'));
    expect(text).toContain('There is no entry');
    expect(text).toContain('netsuite/TokenRejected');
  });

  it('answers a paste it cannot match with what to try and how to get help', async () => {
    const text = JSON.stringify(await reply(h, 'the printer on floor 3 is jammed again'));
    expect(text).toContain('could not match');
    expect(text).toContain('What to try');
    expect(text).toContain('/authhelp list');
    expect(text).toContain('Still stuck?');
  });

  it('opens the Workday connection test for `check workday`, in a modal and nowhere else', async () => {
    const before = h.standIn.api('views.open').length;
    const { responseUrl } = await h.command('check workday');
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === before + 1);
    const view = h.standIn.api('views.open').at(-1)!.body['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('authhelp_check_submit');
    expect(JSON.stringify(view['title'])).toContain('Test Workday');
    await h.standIn.settle();
    expect(repliesTo(h.standIn, responseUrl)).toEqual([]);
  });

  it('refuses to check an unknown system', async () => {
    const text = JSON.stringify(await reply(h, 'check sap'));
    expect(text).toContain("I can't test `sap` connections");
  });

  it('says which part of a long paste it read: the head and the tail', async () => {
    const filler = 'INFO sync step finished without incident\n'.repeat(1200);
    const paste = `${filler}${NETSUITE_PASTE}`;
    const text = JSON.stringify(await reply(h, paste));
    expect(text).toContain('`netsuite/TokenRejected`');
    expect(text).toContain(
      `I read the first 12,000 and the last 4,000 of its ${paste.length.toLocaleString('en-US')} characters`,
    );
  });

  it('says a paste was cut when nothing in the part it read matched', async () => {
    const filler = 'INFO sync step finished without incident\n'.repeat(1200);
    const text = JSON.stringify(await reply(h, filler));
    expect(text).toContain('could not match');
    expect(text).toContain('Your paste was cut: I read only the first 12,000 and the last 4,000');
  });
});
