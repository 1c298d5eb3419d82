import type { Entry } from '../catalogue/catalogue.js';
import type { MatchIndex } from './match-index.js';
import type { Query } from './query.js';
import type { Scored } from './score.js';
import type { Ask } from './types.js';

/** A runner-up this close to the best reading could as well be the answer. */
const CLOSE = 0.3;
const MAX_ALTERNATIVES = 4;

/**
 * What would decide between readings. When the text is a bare 401 or 403 it names no request for
 * (bare-status.ts): which request answered, unless a named vendor's reading leads and the vendor's
 * own question decides. When the text names no system and the best reading's code
 * is also documented by vendors (invalid_client from Okta, Keycloak, Workday …): which system
 * answered. When a runner-up is close: which system, if they belong to different ones; which HTTP
 * status, if they document different ones and the text shows none; else the question the entries
 * name as deciding between them (the Login Audit Trail's Detail for NetSuite), or which of them it
 * is. The vendor-neutral reading behind a vendor's own reading of a text that shows the vendor is
 * that reading's general case, not an alternative to ask about.
 */
export function askToDecide(
  ranked: readonly Scored[],
  query: Query,
  index: MatchIndex,
): Ask | undefined {
  const [top] = ranked;
  const best = top === undefined ? undefined : index.entries[top.entry];
  if (top === undefined || best === undefined) return undefined;
  const request = whichRequest(ranked, query, index);
  // A bare status read first: which request answered is what decides. Behind a named vendor's own
  // reading, the vendor's own question comes first, if it has one.
  if (request !== undefined && top.vendor <= 0) return request;
  return readingsAsk(ranked, query, index, top, best) ?? request;
}

/**
 * The readings of a bare status whose request the text does not name (bare-status.ts), and the
 * question that decides between them; a named vendor's readings of the status first.
 */
function whichRequest(ranked: readonly Scored[], query: Query, index: MatchIndex): Ask | undefined {
  const asked = query.codeHits.find((h) => h.asks !== undefined)?.asks;
  if (asked === undefined) return undefined;
  const readings = new Set(query.codeHits.filter((h) => h.asks === asked).map((h) => h.entry));
  const vendors = ranked.filter((s) => s.vendor > 0 && s.status > 0 && !readings.has(s.entry));
  const own = ranked.filter((s) => readings.has(s.entry));
  const room = Math.max(0, MAX_ALTERNATIVES - own.length);
  const alternatives = [...vendors.slice(0, room), ...own].flatMap(
    (s) => index.entries[s.entry]?.id ?? [],
  );
  return { question: asked, alternatives };
}

/** What decides between the ranked readings of a text that names its code, message or request. */
function readingsAsk(
  ranked: readonly Scored[],
  query: Query,
  index: MatchIndex,
  top: Scored,
  best: Entry,
): Ask | undefined {
  const vendorNamed = query.vendors.size > 0;
  if (!vendorNamed && !index.vendorSystems.has(best.system)) {
    const rank = new Map(ranked.map((s, i) => [s.entry, i]));
    const at = (e: Entry): number => rank.get(index.entryIndex.get(e.id) ?? -1) ?? ranked.length;
    const byVendor = sameCodeElsewhere(top.entry, query, index).sort((a, b) => at(a) - at(b));
    if (byVendor.length > 0) {
      const code = query.codeHits.find((h) => h.entry === top.entry)?.code ?? best.slug;
      return {
        question: `Which system answered with ${code}? (${byVendor.map((e) => e.systemTitle).join(', ')} or another OAuth 2.0 server)`,
        alternatives: [best.id, ...byVendor.map((e) => e.id)].slice(0, MAX_ALTERNATIVES),
      };
    }
  }
  const shown = top.vendor > 0 && index.vendorSystems.has(best.system);
  const close = ranked
    .slice(1)
    .filter((s) => {
      const e = index.entries[s.entry];
      if (e === undefined || e.generic || s.vendorMissing) return false;
      return top.score - s.score < CLOSE && !(shown && !index.vendorSystems.has(e.system));
    })
    .flatMap((s) => index.entries[s.entry] ?? []);
  const [rival] = close;
  if (rival === undefined) return undefined;
  const alternatives = [best.id, ...close.map((e) => e.id)].slice(0, MAX_ALTERNATIVES);
  if (rival.system !== best.system) {
    return {
      question: `Which system issued this error: ${best.systemTitle} or ${rival.systemTitle}?`,
      alternatives,
    };
  }
  const statuses = differingStatuses(best, rival);
  if (query.signals.statuses.size === 0 && statuses !== undefined) {
    return { question: `Which HTTP status came back: ${statuses}?`, alternatives };
  }
  const deciding = best.question ?? rival.question;
  if (deciding !== undefined) return { question: deciding, alternatives };
  return {
    question: `Which of these matches what you see: "${best.title}" or "${rival.title}"?`,
    alternatives,
  };
}

/** The best entry of each other vendor that documents one of the best reading's codes. */
function sameCodeElsewhere(top: number, query: Query, index: MatchIndex): Entry[] {
  const codes = new Set(
    query.codeHits.filter((h) => h.entry === top).map((h) => h.code.toLowerCase()),
  );
  const bySystem = new Map<string, Entry>();
  for (const code of codes) {
    for (const ref of index.codes.get(code) ?? []) {
      const e = index.entries[ref.entry];
      if (e === undefined || ref.entry === top || !index.vendorSystems.has(e.system)) continue;
      const held = bySystem.get(e.system);
      // An entry identified by the code beats one it merely surfaces as.
      if (held === undefined || (ref.strength >= 1 && !held.codes.includes(ref.code)))
        bySystem.set(e.system, e);
    }
  }
  return [...bySystem.values()];
}

function differingStatuses(a: Entry, b: Entry): string | undefined {
  const sa = a.status.filter((s) => !b.status.includes(s));
  const sb = b.status.filter((s) => !a.status.includes(s));
  if (sa.length === 0 || sb.length === 0) return undefined;
  return `${sa.join('/')} (${a.title}) or ${sb.join('/')} (${b.title})`;
}
