import type { SystemInfo } from '../catalogue/catalogue.js';
import { terms } from './tokens.js';

export interface VendorRule {
  readonly system: string;
  readonly hosts: readonly string[];
  readonly paths: readonly RegExp[];
  /** The shapes of the vendor's own codes, whole words (`AADSTS700027`, listed or not). */
  readonly codes: readonly RegExp[];
  /** Text only the vendor prints or uses (a sandbox account id, a consumer key format). */
  readonly shapes: readonly RegExp[];
  /** Each word or multi-word name as its terms. */
  readonly words: readonly { readonly name: string; readonly terms: readonly string[] }[];
}

/**
 * How a paste points to each vendor, from the `detect` blocks of the knowledge files. `wordTerms`
 * holds the words' terms when they were worked out ahead of time (the compiled snapshot).
 */
export function vendorRules(
  systems: readonly SystemInfo[],
  wordTerms?: ReadonlyMap<string, readonly string[]>,
): VendorRule[] {
  return systems.flatMap((s) =>
    s.detect === undefined
      ? []
      : [
          {
            system: s.system,
            hosts: s.detect.hosts,
            paths: s.detect.paths.map((p) => new RegExp(p, 'i')),
            codes: s.detect.codes.map((c) => new RegExp(`\\b(?:${c})\\b`)),
            shapes: s.detect.shapes.map((p) => new RegExp(p)),
            words: s.detect.words
              .map((name) => ({ name, terms: wordTerms?.get(name) ?? terms(name) }))
              .filter((w) => w.terms.length > 0),
          },
        ],
  );
}

/** Every detect word of every system with its terms, for the compiled snapshot. */
export function vendorWordTerms(systems: readonly SystemInfo[]): [string, string[]][] {
  return systems.flatMap((s) =>
    (s.detect?.words ?? []).map((w): [string, string[]] => [w, terms(w)]),
  );
}
