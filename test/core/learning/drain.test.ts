import { beforeAll, describe, expect, it } from '@jest/globals';
import { rng } from '../../../src/bench/generate-catalogue.js';
import { COMPANIES } from '../../../src/bench/vary-paste.js';
import { TemplateMiner } from '../../../src/core/learning/drain.js';
import { createTemplater, type Templater } from '../../../src/core/learning/template.js';
import { vocabularyOf } from '../../../src/core/learning/vocabulary.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let templater: Templater;

beforeAll(async () => {
  templater = createTemplater(vocabularyOf(await fixtureCatalogue()));
});

interface User {
  tenant: string;
  dc: number;
  account: string;
  email: string;
  uuid: () => string;
  iso: string;
  usDate: string;
  hex: string;
  org: string;
}

function user(i: number): User {
  const r = rng(i * 7919 + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const hex = (n: number) =>
    Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const name = pick(COMPANIES);
  const num = 1000000 + Math.floor(r() * 8999999);
  const day = 1 + Math.floor(r() * 28);
  const hh = String(Math.floor(r() * 24)).padStart(2, '0');
  const mm = String(Math.floor(r() * 60)).padStart(2, '0');
  return {
    tenant: `${name}${pick(['', '_impl', '_preview', '1', '_sandbox2'])}`,
    dc: 1 + Math.floor(r() * 12),
    account: `${num}${pick(['', '_SB1', '-sb2', '_RP'])}`,
    email: `${pick(['jane', 'omar', 'li', 'ana'])}.${pick(['doe', 'ng', 'silva'])}${i}@${name}.com`,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    iso: `2025-0${1 + (i % 9)}-${String(day).padStart(2, '0')}T${hh}:${mm}:0${i % 10}.${100 + i}Z`,
    usDate: `${1 + (i % 12)}/${day}/2025 ${1 + (i % 12)}:${mm} ${i % 2 === 0 ? 'am' : 'pm'}`,
    hex: hex(16),
    org: name,
  };
}

type Failure = (u: User) => string;

const FAILURES: Readonly<Record<string, Failure>> = {
  workdayInvalidClient: (u) =>
    `POST https://wd${u.dc}-impl-services1.workday.com/ccx/oauth2/${u.tenant}/token -> 401 {"error":"invalid_client","error_description":"Invalid client credentials"} at ${u.iso} request_id=${u.uuid()}`,
  workdayInvalidGrant: (u) =>
    `POST https://wd${u.dc}-impl-services1.workday.com/ccx/oauth2/${u.tenant}/token -> 400 {"error":"invalid_grant","error_description":"Invalid refresh token"} at ${u.iso} request_id=${u.uuid()}`,
  workdayTenant503: (u) =>
    `GET https://wd${u.dc}-services1.myworkday.com/ccx/oauth2/${u.tenant}/token returned 503 Service Unavailable at ${u.iso}`,
  entra700016: (u) =>
    `{"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier '${u.uuid()}' was not found in the directory '${u.org}.onmicrosoft.com'. Trace ID: ${u.uuid()} Correlation ID: ${u.uuid()} Timestamp: ${u.iso.replace('T', ' ').replace(/\.\d+/, '')}","error_codes":[700016],"timestamp":"${u.iso}","trace_id":"${u.uuid()}","correlation_id":"${u.uuid()}"}`,
  netsuiteLat: (u) => `${u.usDate} | ${u.email} | Failure | TokenRejected | ${u.account}`,
  netsuiteRest: (u) =>
    `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="${u.account}", error="invalid_token"\n{"title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI.","o:errorCode":"INVALID_LOGIN"}]}`,
  oktaE0000011: (u) =>
    `{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae${u.hex}","errorCauses":[]}`,
  unknownCodeA: (u) =>
    `token call to https://auth.${u.org}.com/oauth/token failed: {"error":"unsupported_token_type"} (${u.iso})`,
  unknownCodeB: (u) =>
    `token call to https://auth.${u.org}.com/oauth/token failed: {"error":"temporarily_unavailable"} (${u.iso})`,
};

const USERS = Array.from({ length: 50 }, (_, i) => user(i));

function mine(pastes: readonly string[], miner = new TemplateMiner()): (number | undefined)[] {
  return pastes.map((p) => miner.add(templater.tokensOf(templater.templateOf(p).template)));
}

describe('TemplateMiner: one failure, one template', () => {
  it.each(Object.entries(FAILURES))(
    '%s from 50 users with different tenants, hosts, ids and times is one template',
    (_name, failure) => {
      const miner = new TemplateMiner();
      const ids = mine(USERS.map(failure), miner);
      expect(new Set(ids).size).toBe(1);
      expect(miner.templates()).toHaveLength(1);
      expect(miner.templates()[0]?.count).toBe(50);
    },
  );

  it('keeps the codes and the vendor host in the merged template', () => {
    const miner = new TemplateMiner();
    mine(USERS.map(FAILURES['workdayInvalidClient']!), miner);
    const text = miner.templates()[0]!.tokens.join(' ');
    expect(text).toContain('invalid_client');
    expect(text).toContain('401');
    expect(text).toContain('<HOST>.workday.com/ccx/oauth2/<TENANT>/token');
    for (const u of USERS) {
      expect(text).not.toContain(u.tenant);
      expect(text).not.toContain(u.iso);
    }
  });
});

describe('TemplateMiner: different failures, different templates', () => {
  it('separates every failure when all are mixed together', () => {
    const miner = new TemplateMiner();
    const names = Object.keys(FAILURES);
    const pastes: string[] = [];
    const labels: string[] = [];
    for (const u of USERS) {
      for (const name of names) {
        pastes.push(FAILURES[name]!(u));
        labels.push(name);
      }
    }
    const ids = mine(pastes, miner);
    const byTemplate = new Map<number | undefined, Set<string>>();
    ids.forEach((id, i) => byTemplate.set(id, (byTemplate.get(id) ?? new Set()).add(labels[i]!)));
    expect(miner.templates()).toHaveLength(names.length);
    for (const labelSet of byTemplate.values()) expect(labelSet.size).toBe(1);
  });

  it('never merges two codes in the same JSON shape', () => {
    const miner = new TemplateMiner();
    const ids = mine(
      ['{"error":"invalid_client"}', '{"error":"invalid_grant"}', '{"error":"brand_new_code"}'],
      miner,
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('never merges two statuses', () => {
    const ids = mine([
      'GET /ccx/oauth2/acme/token returned 503',
      'GET /ccx/oauth2/acme/token returned 404',
    ]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('merges prose that differs in one word and wildcards it', () => {
    const miner = new TemplateMiner();
    mine(
      ['Tenant acme not found for this client', 'Tenant globex not found for this client'],
      miner,
    );
    expect(miner.templates().map((t) => t.tokens.join(' '))).toEqual([
      'Tenant <*> not found for this client',
    ]);
  });
});

describe('TemplateMiner: bounded and deterministic', () => {
  it('stops at maxTemplates and counts what it refused', () => {
    const miner = new TemplateMiner({ maxTemplates: 3 });
    const pastes = ['a b c', 'd e f', 'g h i', 'j k l', 'm n o'];
    const ids = mine(pastes, miner);
    expect(miner.templates()).toHaveLength(3);
    expect(ids.slice(3)).toEqual([undefined, undefined]);
    expect(miner.overflow).toBe(2);
  });

  it('keeps at most maxChildren children per node', () => {
    const miner = new TemplateMiner({ maxChildren: 4 });
    mine(
      Array.from(
        { length: 40 },
        (_, i) =>
          `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} failed badly`,
      ),
      miner,
    );
    // root, one length node, one code node, then at most 4 first-token children each with children
    expect(miner.nodes).toBeLessThanOrEqual(1 + 1 + 1 + 4 + 4 * 4);
  });

  it('gives the same templates for the same inputs in the same order', () => {
    const pastes = USERS.flatMap((u) => Object.values(FAILURES).map((f) => f(u)));
    const a = new TemplateMiner();
    const b = new TemplateMiner();
    mine(pastes, a);
    mine(pastes, b);
    expect(a.templates()).toEqual(b.templates());
  });
});
