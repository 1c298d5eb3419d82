import { describe, expect, it } from '@jest/globals';
import { buildCatalogue } from '../../../src/core/catalogue/load.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';

/**
 * A refinement is its parent's failure in one setting (Workday: a client of another tenant): where
 * the text shows neither that setting nor the refinement's own evidence, the parent is the reading.
 */
const ACME = `system: acme
title: Acme
detect:
  hosts: [acme.example]
  words: [acme]
contexts:
  - id: other-site
    title: a key of another site
    words: [another site, other site]
sources:
  - id: acme-docs
    title: Acme errors
    url: https://docs.acme.example/errors
entries:
  - id: acme/key-refused
    title: Gizmo key refused
    codes: [KeyRefused]
    phrases: [gizmo key refused after it was rotated]
    reason: The gizmo key is wrong.
    steps: [Copy the current gizmo key.]
    sources: [acme-docs]
  - id: acme/key-of-other-site
    title: Gizmo key of another site
    context: other-site
    refines: [acme/key-refused]
    phrases: [widget portal rejects the gizmo key copied between portals]
    reason: The gizmo key belongs to another site.
    steps: [Use the gizmo key of this site.]
    sources: [acme-docs]
`;

const diagnoser = createDiagnoser(buildCatalogue([{ file: 'acme.yml', text: ACME }]));
const ids = (text: string): string[] => diagnoser.diagnose(text).matches.map((m) => m.id);

describe('diagnose: a refinement whose setting the text does not show', () => {
  it('ranks below its parent', () => {
    // Without the rule the refinement's phrase words put it first.
    expect(ids('Acme: the widget portal rejects our gizmo key since Monday.')[0]).toBe(
      'acme/key-refused',
    );
  });

  it('is the reading where the text shows its setting', () => {
    expect(ids('Acme: the widget portal rejects our gizmo key, copied from another site.')[0]).toBe(
      'acme/key-of-other-site',
    );
  });

  it('stays where a phrase of its own is well covered', () => {
    expect(ids('Acme: the widget portal rejects the gizmo key we copied between portals.')[0]).toBe(
      'acme/key-of-other-site',
    );
  });
});
