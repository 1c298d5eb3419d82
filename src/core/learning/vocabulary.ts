import type { Catalogue } from '../catalogue/catalogue.js';

/**
 * What the templater keeps verbatim: the catalogue's codes (any case) and its vendors' host
 * suffixes. Everything else that varies between people is masked.
 */
export interface TemplateVocabulary {
  /** Lower-case codes of every entry (`codes` and `surfacesAs`): `invalid_client`, `aadsts700016`. */
  readonly codes: ReadonlySet<string>;
  /** Host suffixes whose names are kept (`workday.com`), longest first. */
  readonly vendorHosts: readonly string[];
}

// Identity providers people paste from that no knowledge file declares: their names tell failures apart.
const KNOWN_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'okta.com',
  'oktapreview.com',
  'auth0.com',
  'onelogin.com',
  'pingidentity.com',
  'google.com',
  'googleapis.com',
  'salesforce.com',
  'github.com',
  'amazoncognito.com',
  'amazonaws.com',
];

export function vocabularyOf(catalogue: Catalogue): TemplateVocabulary {
  const codes = new Set<string>();
  for (const e of catalogue.entries) {
    for (const code of [...e.codes, ...e.surfacesAs]) codes.add(code.toLowerCase());
  }
  const hosts = new Set(KNOWN_HOSTS);
  for (const s of catalogue.systems) for (const h of s.detect?.hosts ?? []) hosts.add(h);
  return { codes, vendorHosts: [...hosts].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)) };
}
