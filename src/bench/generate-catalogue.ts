import { Catalogue, type Entry, type SystemInfo } from '../core/catalogue/catalogue.js';

/** Deterministic PRNG (mulberry32) so every benchmark run sees the same catalogue and pastes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic catalogue of `size` entries shaped like the real one: the shipped entries plus
 * generated ones whose titles, codes, messages and phrases recombine the real vocabulary with
 * invented words, spread over many systems.
 */
export function generateCatalogue(base: Catalogue, size: number, seed = 7): Catalogue {
  const random = rng(seed);
  const vocab = [
    ...new Set(base.entries.flatMap((e) => words(`${e.title} ${e.phrases.join(' ')}`))),
  ];
  const pick = (): string => vocab[Math.floor(random() * vocab.length)] ?? 'token';
  // Jargon and product names from a fixed pool, as a real catalogue's vocabulary saturates.
  const pool = Array.from({ length: 8000 }, () =>
    Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, 'q'),
  );
  const invented = (): string => pool[Math.floor(random() * pool.length)] ?? 'qqqqqq';
  const sentence = (n: number): string =>
    Array.from({ length: n }, () => (random() < 0.3 ? invented() : pick())).join(' ');
  const entries: Entry[] = [...base.entries];
  const systems = new Map<string, string[]>();
  for (let i = entries.length; i < size; i++) {
    const system = `sys${i % 200}`;
    const template = base.entries[i % base.entries.length];
    if (template === undefined) break;
    const code = `${cap(pick())}${cap(invented())}${cap(pick())}${i}`;
    // Invented entries refine nothing and name no context of the template's system.
    const { context: _context, ...plain } = template;
    const entry: Entry = {
      ...plain,
      id: `${system}/${code}`,
      system,
      systemTitle: system,
      slug: code,
      title: sentence(6),
      codes: [code],
      surfacesAs: [],
      wordsInCodes: [],
      generic: false,
      messages: [sentence(10), sentence(12)],
      phrases: Array.from({ length: 12 }, () => sentence(3 + Math.floor(random() * 5))),
      related: [],
      refines: [],
    };
    entries.push(entry);
    systems.set(system, [...(systems.get(system) ?? []), entry.id]);
  }
  const infos: SystemInfo[] = [
    ...base.systems,
    ...[...systems].map(([system, ids]) => ({
      system,
      title: system,
      entryIds: ids,
      detect: undefined,
      contexts: [],
    })),
  ];
  return new Catalogue(entries, infos);
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z]+/).filter((w) => w.length > 2);
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
