import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/adapters/logger.js';
import { resolveBotIdentity } from '../../src/slack/bot-identity.js';

const lines: string[] = [];
const logger = createLogger({
  level: 'warn',
  destination: { write: (l: string) => lines.push(l) },
});

function clientFailing(times: number, answer: { bot_id?: string; user_id?: string }) {
  let calls = 0;
  return {
    calls: () => calls,
    auth: {
      test: () => {
        calls += 1;
        return calls <= times
          ? Promise.reject(new Error('connect ECONNREFUSED'))
          : Promise.resolve(answer);
      },
    },
  };
}

describe('resolveBotIdentity', () => {
  it('retries auth.test until Slack answers, then returns the ids', async () => {
    const client = clientFailing(2, { bot_id: 'B1', user_id: 'U1' });
    await expect(resolveBotIdentity(client, logger, { delayMs: 1 })).resolves.toEqual({
      botId: 'B1',
      botUserId: 'U1',
    });
    expect(client.calls()).toBe(3);
    expect(lines.some((l) => l.includes('auth.test failed'))).toBe(true);
  });

  it('gives up after the last attempt and leaves auth.test to Bolt', async () => {
    const client = clientFailing(10, {});
    await expect(
      resolveBotIdentity(client, logger, { attempts: 3, delayMs: 1 }),
    ).resolves.toBeUndefined();
    expect(client.calls()).toBe(3);
  });

  it('returns nothing when Slack answers without the ids', async () => {
    await expect(resolveBotIdentity(clientFailing(0, {}), logger)).resolves.toBeUndefined();
  });
});
