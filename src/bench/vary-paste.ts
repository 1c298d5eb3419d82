/**
 * The same failure as another person would paste it: other digits (times, ids, accounts, ports),
 * other hex ids, another Workday tenant, another customer host and another email, with codes
 * (`AADSTS700016`, `S22`) and HTTP statuses left as they are. A benchmark's stand-in for "50 users
 * hit the same failure"; written apart from the masker's rules so the two do not share mistakes.
 */
/** Customer names the benchmark and the template tests give their made-up users. */
export const COMPANIES = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'vandelay',
  'wonka',
  'stark',
  'wayne',
  'tyrell',
];
const FIXED_LABELS = new Set([
  'login',
  'www',
  'api',
  'accounts',
  'auth',
  'sts',
  'system',
  'docs',
  'schemas',
]);

export function varyPaste(text: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const digit = (): string => String(Math.floor(random() * 10));
  const hexDigit = (): string => '0123456789abcdef'.charAt(Math.floor(random() * 16));
  return (
    text
      .replace(
        /(\/ccx\/(?:oauth2|service)\/)([a-z][\w-]*)/gi,
        (_w, p: string) => `${p}${pick(COMPANIES)}${pick(['', '_impl', '1', '_preview'])}`,
      )
      .replace(
        /\b([\w.+-]+)@([a-z0-9-]+)\./gi,
        () => `${pick(['jane', 'omar', 'li'])}.${pick(['doe', 'ng'])}@${pick(COMPANIES)}.`,
      )
      .replace(
        /\b([a-z0-9-]+)((?:\.[a-z0-9-]+)+\.(?:com|org|net|io))\b/g,
        (whole, first: string, rest: string) => {
          if (FIXED_LABELS.has(first)) return whole;
          if (/\d/.test(first)) return `${first.replace(/\d/g, digit)}${rest}`;
          return rest.split('.').length > 2 ? `${pick(COMPANIES)}${rest}` : whole;
        },
      )
      .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, (w) =>
        w.replace(/./g, hexDigit),
      )
      // Digit runs not glued to letters (codes keep theirs), except HTTP statuses.
      .replace(/(?<![A-Za-z\d])\d+/g, (run) =>
        /^[45]\d\d$/.test(run) ? run : run.replace(/\d/g, digit),
      )
  );
}
