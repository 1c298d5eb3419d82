import { PLACEHOLDER } from './placeholders.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?';
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?';
const ZONE =
  '(?:\\s?(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[AaPp]\\.?[Mm]\\.?(?:\\s?(?:UTC|GMT|[A-Z]{3}))?))';
const AT_CLOCK = `(?:,?\\s*(?:at\\s+)?${CLOCK}${ZONE}?)`;

/** Date and time forms found in pastes, longest first so a date with its time is one placeholder. */
const TIME_PATTERNS: readonly RegExp[] = [
  // 2024-05-14T10:00:00.123Z, 2024-05-14 10:00:00 +02:00, 2024-05-14
  new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]${CLOCK})?${ZONE}?(?![\\w:-])`, 'g'),
  // 20240514T100000Z
  /\b\d{8}T\d{6}Z?\b/g,
  // Tue, 14 May 2024 10:00:00 GMT; Tue May 14 10:00:00 UTC 2024
  new RegExp(
    `\\b${DAY}\\s+(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}),?(?:\\s+\\d{4})?(?:\\s+${CLOCK}${ZONE}?)?(?:\\s+\\d{4})?`,
    'g',
  ),
  // May 14, 2024 10:00 AM; 14 May 2024
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}${AT_CLOCK}?`, 'g'),
  new RegExp(`\\b\\d{1,2}\\s+${MONTH},?\\s+\\d{4}${AT_CLOCK}?`, 'g'),
  // 5/14/2024 10:00 am (NetSuite Login Audit Trail rows), 2024/05/14, 14.05.2024
  new RegExp(
    `\\b(?:\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}/\\d{2}/\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})${AT_CLOCK}?`,
    'g',
  ),
  // 10:00:00.123, 10:00 PM
  new RegExp(`\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?${ZONE}?(?![\\w:])`, 'g'),
  /\b\d{1,2}:\d{2}\s?[AaPp]\.?[Mm]\b\.?/g,
];

/** Replaces dates and times with `<TIME>`. */
export function maskTimes(text: string): string {
  let out = text;
  for (const pattern of TIME_PATTERNS) out = out.replace(pattern, PLACEHOLDER.time);
  return out;
}
