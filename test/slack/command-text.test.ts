import { describe, expect, it } from '@jest/globals';
import { parseCommandText } from '../../src/slack/command-text.js';

/** Any three base64url parts with a JSON header: the parser only looks at the shape. */
const JWT = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;

describe('parseCommandText: every /authhelp sub-command in one union', () => {
  it.each([
    ['', { kind: 'help' }],
    ['  help ', { kind: 'help' }],
    ['list', { kind: 'list' }],
    ['list Workday', { kind: 'list', system: 'workday' }],
    ['show netsuite/TokenRejected', { kind: 'show', id: 'netsuite/TokenRejected' }],
    ['check', { kind: 'check' }],
    ['check NetSuite', { kind: 'check', system: 'netsuite' }],
    [
      'show me why invalid_grant happens',
      { kind: 'diagnose', text: 'show me why invalid_grant happens' },
    ],
    ['check the token url please', { kind: 'diagnose', text: 'check the token url please' }],
    ['help with invalid_client', { kind: 'diagnose', text: 'help with invalid_client' }],
    ['{"error":"invalid_client"}', { kind: 'diagnose', text: '{"error":"invalid_client"}' }],
    ['inspect', { kind: 'inspect-form' }],
    ['  INSPECT  ', { kind: 'inspect-form' }],
    ['inspect not-a-token', { kind: 'inspect', token: 'not-a-token' }],
    [`inspect Bearer ${JWT}`, { kind: 'inspect', token: JWT }],
    [`Bearer ${JWT}`, { kind: 'inspect', token: JWT }],
    [`401 invalid_token for ${JWT}`, { kind: 'diagnose', text: `401 invalid_token for ${JWT}` }],
  ])('%p', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });
});
