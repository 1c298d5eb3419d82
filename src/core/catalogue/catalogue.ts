import type { Context, CounterSigns, Detect, FailureKind, RawEntry, SourceDoc } from './schema.js';

/** A catalogue entry as the rest of the code sees it: validated, with its system and sources resolved. */
export interface Entry {
  readonly id: string;
  readonly system: string;
  readonly systemTitle: string;
  readonly slug: string;
  readonly title: string;
  readonly codes: readonly string[];
  readonly surfacesAs: readonly string[];
  /** Words that name it inside a code the catalogue does not list (see the schema's `wordsInCodes`). */
  readonly wordsInCodes: readonly string[];
  readonly generic: boolean;
  /** `auth`, or a failure that is not authentication (`server`, `limit`): see the entry schema. */
  readonly failure: FailureKind;
  readonly status: readonly number[];
  readonly messages: readonly string[];
  readonly phrases: readonly string[];
  readonly reason: string;
  readonly steps: readonly string[];
  readonly sources: readonly SourceDoc[];
  readonly related: readonly string[];
  /** Broader entries this one is a case of (see the schema's `refines`). */
  readonly refines: readonly string[];
  /** Id of the context (of its system) the failure happens in. */
  readonly context?: string;
  /** What would tell it from the readings people confuse it with: its own, else its system's. */
  readonly question?: string;
  /** Signs of a credential it is not about, though its messages answer that one too. */
  readonly counterSigns?: CounterSigns;
}

export interface SystemInfo {
  readonly system: string;
  readonly title: string;
  readonly entryIds: readonly string[];
  /** How a paste points to this system; undefined for vendor-neutral systems. */
  readonly detect: Detect | undefined;
  /** Settings its entries name as their context. */
  readonly contexts: readonly Context[];
}

/** Immutable, validated set of entries with lookups by id and system. */
export class Catalogue {
  readonly entries: readonly Entry[];
  readonly systems: readonly SystemInfo[];
  readonly #byId: ReadonlyMap<string, Entry>;
  readonly #byIdLower: ReadonlyMap<string, Entry>;

  constructor(entries: readonly Entry[], systems: readonly SystemInfo[]) {
    this.entries = Object.freeze([...entries]);
    this.systems = Object.freeze([...systems]);
    this.#byId = new Map(entries.map((e) => [e.id, e]));
    this.#byIdLower = new Map(entries.map((e) => [e.id.toLowerCase(), e]));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Exact id first, then case-insensitive (people type `netsuite/tokenexpired`). */
  get(id: string): Entry | undefined {
    return this.#byId.get(id) ?? this.#byIdLower.get(id.trim().toLowerCase());
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  bySystem(system: string): readonly Entry[] {
    return this.entries.filter((e) => e.system === system);
  }

  systemNames(): readonly string[] {
    return this.systems.map((s) => s.system);
  }
}

export function toEntry(
  raw: RawEntry,
  system: string,
  systemTitle: string,
  sources: readonly SourceDoc[],
  systemQuestion?: string,
): Entry {
  const question = raw.question ?? systemQuestion;
  const slug = raw.id.slice(raw.id.indexOf('/') + 1);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return Object.freeze({
    id: raw.id,
    system,
    systemTitle,
    slug,
    title: raw.title,
    codes: Object.freeze([...raw.codes]),
    surfacesAs: Object.freeze([...raw.surfacesAs]),
    wordsInCodes: Object.freeze([...raw.wordsInCodes]),
    generic: raw.generic,
    failure: raw.failure,
    status: Object.freeze([...raw.status]),
    messages: Object.freeze([...raw.messages]),
    phrases: Object.freeze([...raw.phrases]),
    reason: raw.reason.trim(),
    steps: Object.freeze(raw.steps.map((s) => s.trim())),
    sources: Object.freeze(raw.sources.flatMap((id) => byId.get(id) ?? [])),
    related: Object.freeze([...raw.related]),
    refines: Object.freeze([...raw.refines]),
    ...(raw.context === undefined ? {} : { context: raw.context }),
    ...(question === undefined ? {} : { question: question.trim() }),
    ...(raw.counterSigns === undefined ? {} : { counterSigns: Object.freeze(raw.counterSigns) }),
  });
}
