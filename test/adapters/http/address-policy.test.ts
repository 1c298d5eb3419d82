import { describe, expect, it } from '@jest/globals';
import { classifyAddress, isAllowedAddress } from '../../../src/adapters/http/address-policy.js';

describe('address policy (ipaddr.js ranges, unicast only)', () => {
  it.each([
    ['93.184.216.34', 'unicast', true, true],
    ['2606:2800:220:1:248:1893:25c8:1946', 'unicast', true, true],
    ['127.0.0.1', 'loopback', false, true],
    ['127.10.20.30', 'loopback', false, true],
    ['::1', 'loopback', false, true],
    ['::ffff:127.0.0.1', 'loopback', false, true],
    ['10.0.0.1', 'private', false, false],
    ['172.16.0.1', 'private', false, false],
    ['192.168.1.1', 'private', false, false],
    ['169.254.169.254', 'linkLocal', false, false],
    ['::ffff:169.254.169.254', 'linkLocal', false, false],
    ['100.64.0.1', 'carrierGradeNat', false, false],
    ['0.0.0.0', 'unspecified', false, false],
    ['::', 'unspecified', false, false],
    ['fd00::1', 'uniqueLocal', false, false],
    ['fe80::1', 'linkLocal', false, false],
    ['224.0.0.1', 'multicast', false, false],
    ['255.255.255.255', 'broadcast', false, false],
    ['64:ff9b::7f00:1', 'rfc6052', false, false],
    // IPv4-compatible IPv6 (::/96, deprecated): ipaddr.js calls it unicast, but it names an IPv4 host.
    ['::7f00:1', 'ipv4Compatible', false, false],
    ['[::7f00:1]', 'ipv4Compatible', false, false],
    ['::a9fe:a9fe', 'ipv4Compatible', false, false],
    ['::0:0:a00:1', 'ipv4Compatible', false, false],
    ['::808:808', 'ipv4Compatible', false, false],
    ['::1:0:0:1', 'unicast', true, true],
    ['not-an-ip', 'invalid', false, false],
  ])('%s is %s', (address, range, strict, local) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isAllowedAddress(address, { allowLocalTargets: false })).toBe(strict);
    expect(isAllowedAddress(address, { allowLocalTargets: true })).toBe(local);
  });
});
