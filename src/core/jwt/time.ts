import type { JsonObject, TimeClaim } from './types.js';

const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'] as const;
type TimeClaimName = (typeof TIME_CLAIMS)[number];

/**
 * The NumericDates read as dates: 0000-01-01T00:00:00Z up to the end of year 9999. Beyond them a
 * number is no date a token means (`-1e308`, milliseconds for seconds) and has no age to show.
 */
const EARLIEST_SECONDS = -62_167_219_200;
const AFTER_LATEST_SECONDS = 253_402_300_800;

/** A claim as seconds since the epoch, when it is a valid NumericDate (a number in that range). */
export function numericClaim(claims: JsonObject, name: string): number | undefined {
  const value = claims[name];
  return typeof value === 'number' && value >= EARLIEST_SECONDS && value < AFTER_LATEST_SECONDS
    ? value
    : undefined;
}

/** Every time claim as absolute UTC and relative to `now`. */
export function describeTimes(claims: JsonObject, now: Date): TimeClaim[] {
  const nowSeconds = now.getTime() / 1000;
  const out: TimeClaim[] = [];
  for (const claim of TIME_CLAIMS) {
    const value = numericClaim(claims, claim);
    if (value === undefined) continue;
    out.push({ claim, value, utc: utc(value), relative: relative(claim, value - nowSeconds) });
  }
  return out;
}

/** A NumericDate (see `numericClaim`) in ISO 8601 UTC, to the second. */
export function utc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function relative(claim: TimeClaimName, delta: number): string {
  if (!Number.isFinite(delta)) return 'relative time unknown';
  const span = formatDuration(Math.abs(delta));
  const future = delta > 0;
  switch (claim) {
    case 'exp':
      return future ? `expires in ${span}` : `expired ${span} ago`;
    case 'nbf':
      return future ? `not valid for another ${span}` : `valid since ${span} ago`;
    case 'iat':
      return future ? `issued ${span} in the future` : `issued ${span} ago`;
    case 'auth_time':
      return future ? `authenticated ${span} in the future` : `authenticated ${span} ago`;
  }
}

/** "3 h 12 min", "2 d 4 h", "45 s": the two largest units, like a person would say it. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  if (s < 60) return `${s} s`;
  const units: [number, string][] = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}
