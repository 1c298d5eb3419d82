import type { SystemInfo } from '../catalogue/catalogue.js';
import { escapeRegExp } from '../escape-regexp.js';
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
  readonly words: readonly VendorWord[];
}

export interface VendorWord {
  readonly name: string;
  readonly terms: readonly string[];
  /**
   * A name of several words as written, its words side by side ("View API Clients", "integration
   * record"): the same words scattered over a paste ("view the API … client") name no vendor.
   */
  readonly together?: RegExp;
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
              .map((name) => vendorWord(name, wordTerms?.get(name) ?? terms(name)))
              .filter((w) => w.terms.length > 0),
          },
        ],
  );
}

function vendorWord(name: string, nameTerms: readonly string[]): VendorWord {
  const parts = name.split(/[\s_.-]+/).filter((p) => p !== '');
  if (parts.length < 2) return { name, terms: nameTerms };
  // Any case, the words joined as people write them (space, `-`, `_`, `.` or nothing), the last
  // word inflected ("integration records", "View API Clients").
  const together = new RegExp(`\\b${parts.map(escapeRegExp).join('[\\s_.-]*')}`, 'i');
  return { name, terms: nameTerms, together };
}

/** Every detect word of every system with its terms, for the compiled snapshot. */
export function vendorWordTerms(systems: readonly SystemInfo[]): [string, string[]][] {
  return systems.flatMap((s) =>
    (s.detect?.words ?? []).map((w): [string, string[]] => [w, terms(w)]),
  );
}

/**
 * The text shows one of the vendor's own code shapes (`codes`): asked of a whole paste, and of each
 * code token of one (a loop, not `some`: a closure per token costs more).
 */
export function showsVendorCode(rule: VendorRule, text: string): boolean {
  for (const c of rule.codes) if (c.test(text)) return true;
  return false;
}
