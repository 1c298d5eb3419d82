import { describe, expect, it } from '@jest/globals';
import { basicAuthorization } from '../../../../src/core/check/flow/form.js';
import { maskRequest } from '../../../../src/core/check/flow/mask.js';
import { parseExpiresIn, parseTokenReply } from '../../../../src/core/check/flow/token-reply.js';

describe('token answers', () => {
  it('accepts expires_in as a number or a string', () => {
    expect(parseExpiresIn(3600)).toBe(3600);
    expect(parseExpiresIn('3600')).toBe(3600);
    expect(parseExpiresIn('-1')).toBe(-1);
    expect(parseExpiresIn('soon')).toBeUndefined();
    expect(parseTokenReply(200, {}, '{"access_token":"a","expires_in":"3600"}').expiresIn).toBe(
      3600,
    );
  });
});

describe('masking', () => {
  it('form-encodes id and secret before Base64 (RFC 6749 §2.3.1)', () => {
    expect(basicAuthorization('id', 'p+s:w/rd% x')).toBe(`Basic ${btoa('id:p%2Bs%3Aw%2Frd%25+x')}`);
  });

  it('shows the request with secrets masked and the rest verbatim', () => {
    const m = maskRequest(
      {
        method: 'POST',
        url: 'https://t',
        headers: { authorization: 'Basic abc', accept: 'application/json' },
        body: 'grant_type=refresh_token&refresh_token=xyz&client_id=c',
      },
      'c',
    );
    expect(m.headers).toEqual({
      authorization: 'Basic base64(form-encoded "c" : ••••)',
      accept: 'application/json',
    });
    expect(m.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '••••',
      client_id: 'c',
    });
  });
});
