import { stringify } from 'yaml';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { buildCatalogue } from '../../../src/core/catalogue/load.js';

/**
 * A catalogue far beyond what Slack can show: many systems and entries, very long titles, reasons
 * and steps, and mrkdwn-looking text. Built through the real loader, so it is a valid catalogue.
 */
export function bigCatalogue(systems = 3, entriesPerSystem = 5, longText = true): Catalogue {
  const size = longText ? 1 : 0.01;
  const long = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const sources = Array.from({ length: systems }, (_, s) => ({
    file: `sys${s}.yml`,
    text: stringify({
      system: `sys${s}`,
      title: `System ${s} ${long(20, 'title')}`,
      sources: [
        { id: 'doc', title: `Doc | with <pipes> ${long(40, 'x')}`, url: 'https://example.com/doc' },
      ],
      entries: Array.from({ length: entriesPerSystem }, (_, e) => ({
        id: `sys${s}/entry-${e}-${'x'.repeat(60)}`,
        title: `Entry ${e} ${long(30, 'word')}`.slice(0, 120),
        codes: [`CODE_${s}_${e}`],
        reason: `<host> & <tenant> ${long(Math.ceil(900 * size), 'because')}`,
        steps: Array.from({ length: longText ? 40 : 1 }, (_, i) => `Step ${i} ${long(120, 'do')}`),
        sources: ['doc'],
      })),
    }),
  }));
  return buildCatalogue(sources);
}
