import { describe, expect, it } from '@jest/globals';
import {
  childEnv,
  hyperfineCommand,
  needsShell,
  startCostVarsSet,
} from '../../src/bench/start-env.js';

describe('start bench environment', () => {
  it('names the start-cost variables a parent sets, ignoring empty ones', () => {
    expect(startCostVarsSet({ NODE_EXTRA_CA_CERTS: '/etc/ca.crt', PATH: '/bin' })).toEqual([
      'NODE_EXTRA_CA_CERTS',
    ]);
    expect(startCostVarsSet({ NODE_EXTRA_CA_CERTS: '/x', NODE_OPTIONS: '--no-warnings' })).toEqual([
      'NODE_EXTRA_CA_CERTS',
      'NODE_OPTIONS',
    ]);
    expect(startCostVarsSet({ NODE_OPTIONS: '' })).toEqual([]);
  });

  it('copies the parent, adds set keys and removes unset ones without touching the parent', () => {
    const parent = { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ca.crt', NODE_OPTIONS: '--x' };
    const env = childEnv(parent, { AUTHHELP_KNOWLEDGE_DIR: '/k' }, ['NODE_EXTRA_CA_CERTS']);
    expect(env).toEqual({ PATH: '/bin', NODE_OPTIONS: '--x', AUTHHELP_KNOWLEDGE_DIR: '/k' });
    expect('NODE_EXTRA_CA_CERTS' in env).toBe(false);
    expect(parent.NODE_EXTRA_CA_CERTS).toBe('/etc/ca.crt');
    expect(childEnv(parent)).toEqual(parent);
    expect(childEnv(parent)).not.toBe(parent);
  });

  it('prefixes hyperfine commands with env -u, which needs no shell, and quotes values', () => {
    expect(hyperfineCommand('/usr/bin/node', ['-e', '0'], {}, ['NODE_EXTRA_CA_CERTS'])).toBe(
      "env -u NODE_EXTRA_CA_CERTS '/usr/bin/node' '-e' '0'",
    );
    expect(hyperfineCommand('/n', ['a'], { DIR: "/tmp/it's" })).toBe(
      "DIR='/tmp/it'\\''s' '/n' 'a'",
    );
    expect(needsShell(undefined)).toBe(false);
    expect(needsShell({})).toBe(false);
    expect(needsShell({ DIR: '/k' })).toBe(true);
  });
});
