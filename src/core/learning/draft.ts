import type { Catalogue } from '../catalogue/catalogue.js';
import { ENTRY_ID_PATTERN } from '../catalogue/schema.js';
import type { Diagnoser } from '../matching/types.js';
import { isCodeWord, STATUSES } from './code-shape.js';
import type { DraftedEntry, DraftInput } from './draft-types.js';
import { draftYaml } from './draft-yaml.js';
import { constantMessages } from './messages.js';
import type { Templater } from './template.js';
import { systemOf, type Nearest } from './vendor.js';

export type { Nearest } from './vendor.js';

export interface DraftDeps {
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
  readonly templater: Templater;
}

export interface Draft {
  /** What the catalogue answers today, best first, with the matcher's confidence and evidence. */
  readonly nearest: readonly Nearest[];
  readonly system: string;
  readonly entry: DraftedEntry;
  /** The entry as YAML, indented to paste under `entries:` in knowledge/<system>.yml. */
  readonly yaml: string;
}

const MAX_CODES = 6;
const MAX_RELATED = 3;

/**
 * Drafts a catalogue entry for a template: its nearest entries by the diagnoser, an id in the
 * system the evidence points to, a title, the codes, statuses and constant messages of the
 * template, empty `reason`, `steps` and `sources` to fill in, and the nearest entries as `related`.
 */
export function draftEntry(input: DraftInput, deps: DraftDeps): Draft {
  const { catalogue, diagnoser, templater } = deps;
  const text = input.example ?? input.template;
  const nearest = diagnoser.diagnose(text).matches.map((m) => ({
    id: m.id,
    confidence: Math.round(m.confidence * 100) / 100,
    why: m.why,
  }));
  const system = systemOf(text, catalogue, nearest);
  const { tokens, pins } = templater.tokensOf(input.template);
  const codes = rankCodes(codesOf(tokens, pins, templater), catalogue);
  const status = statusesOf(tokens);
  const example = input.example === undefined ? undefined : templater.maskVariables(input.example);
  const messages = constantMessages(tokens, example);
  const systemTitle = catalogue.systems.find((s) => s.system === system)?.title ?? system;
  const title = titleOf(codes, messages, status, systemTitle);
  const id = uniqueId(system, codes, title, catalogue);
  const entry: DraftedEntry = {
    id,
    title,
    codes,
    status,
    messages,
    reason: '',
    steps: [],
    sources: [],
    related: nearest
      .filter((n) => n.confidence >= 0.3 && n.id !== id)
      .slice(0, MAX_RELATED)
      .map((n) => n.id),
  };
  const sourceIds = [
    ...new Set(catalogue.bySystem(system).flatMap((e) => e.sources.map((s) => s.id))),
  ];
  return { nearest, system, entry, yaml: draftYaml(entry, input, sourceIds) };
}

/** Codes in the template, first spelling kept: the catalogue's, AADSTS-style, and pinned code words. */
function codesOf(
  tokens: readonly string[],
  pins: readonly string[],
  templater: Templater,
): string[] {
  const pinned = new Set(pins.flatMap((p) => p.match(/[\p{L}\p{N}_]+/gu) ?? []));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of tokens.join(' ').match(/[\p{L}\p{N}_]+/gu) ?? []) {
    const lower = word.toLowerCase();
    if (seen.has(lower) || /^\d+$/.test(word)) continue;
    const code =
      templater.vocabulary.codes.has(lower) ||
      /^[A-Z]{1,10}\d{3,8}$/.test(word) ||
      (pinned.has(lower) && isCodeWord(word, templater.vocabulary));
    if (!code) continue;
    seen.add(lower);
    out.push(word);
    if (out.length === MAX_CODES) break;
  }
  return out;
}

/**
 * The most telling code first, as it names the entry: a vendor's numbered code (`AADSTS50173`),
 * then any code that no vendor-neutral entry uses, then generic OAuth codes (`invalid_grant`).
 */
function rankCodes(codes: readonly string[], catalogue: Catalogue): string[] {
  const neutral = new Set(
    catalogue.systems
      .filter((s) => s.detect === undefined)
      .flatMap((s) => catalogue.bySystem(s.system))
      .flatMap((e) => [...e.codes, ...e.surfacesAs].map((c) => c.toLowerCase())),
  );
  const rank = (code: string): number =>
    /^[A-Z]{1,10}\d{3,8}$/.test(code) ? 0 : neutral.has(code.toLowerCase()) ? 2 : 1;
  return codes
    .map((code, i) => ({ code, i }))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.i - b.i)
    .map((c) => c.code);
}

function statusesOf(tokens: readonly string[]): number[] {
  const found = new Set<number>();
  for (const token of tokens) {
    for (const m of token.matchAll(/(?<!\d)\d{3}(?!\d)/g)) {
      const n = Number(m[0]);
      if (STATUSES.has(n)) found.add(n);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function titleOf(
  codes: readonly string[],
  messages: readonly string[],
  status: readonly number[],
  systemTitle: string,
): string {
  const sentence = messages[0] === undefined ? undefined : firstSentence(messages[0]);
  const code = codes[0];
  if (code !== undefined && sentence !== undefined) return `${code} - ${sentence}`;
  if (sentence !== undefined) return sentence;
  if (code !== undefined) return `${code} from ${systemTitle}`;
  if (status.length > 0) return `${systemTitle} answers ${status.join(' / ')}`;
  return `Unrecognised ${systemTitle} failure`;
}

function firstSentence(message: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
  if (sentence.length <= 90) return sentence.replace(/\.$/, '');
  return `${sentence.slice(0, 90).replace(/\s+\S*$/, '')}…`;
}

/** `<system>/<code>` as the catalogue spells codes, else a slug of the title; never an existing id. */
function uniqueId(
  system: string,
  codes: readonly string[],
  title: string,
  catalogue: Catalogue,
): string {
  const fromCode = codes[0]?.replace(/[^A-Za-z0-9_.-]/g, '');
  const candidates = [
    fromCode === undefined || fromCode === '' ? undefined : `${system}/${fromCode}`,
    `${system}/${slugOf(title)}`,
  ].filter((c): c is string => c !== undefined && ENTRY_ID_PATTERN.test(c));
  const free = candidates.find((c) => !catalogue.has(c));
  if (free !== undefined) return free;
  const base = candidates.at(-1) ?? `${system}/new-failure`;
  for (let n = 2; ; n++) if (!catalogue.has(`${base}-${n}`)) return `${base}-${n}`;
}

function slugOf(title: string): string {
  const words = title.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const slug = words.slice(0, 6).join('-').slice(0, 60).replace(/-+$/, '');
  return slug === '' ? 'new-failure' : slug;
}
