import type { Entry } from '../../core/catalogue/catalogue.js';
import type { Block } from './limits.js';
import { chunkLines, context, escapeMrkdwn, header, section, truncate } from './limits.js';

/** Title, system, reason, numbered steps and sources of one catalogue entry. */
export function entryBlocks(entry: Entry): Block[] {
  const blocks: Block[] = [
    header(entry.title),
    section(`*System:* ${escapeMrkdwn(entry.systemTitle)}\n*Why:* ${escapeMrkdwn(entry.reason)}`),
  ];
  const steps = entry.steps.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`);
  for (const chunk of chunkLines(['*Fix*', ...steps])) blocks.push(section(chunk));
  if (entry.sources.length > 0) {
    const links = entry.sources.map((s) => `<${linkUrl(s.url)}|${linkLabel(s.title)}>`);
    blocks.push(section(`*Source:* ${links.join(' · ')}`));
  }
  return blocks;
}

/**
 * The line under an answer: entry id, confidence, (privately) what matched, and the catalogue
 * version that answered, so a maintainer can tell answers before and after a reload apart.
 */
export function idLine(
  entry: Entry,
  confidence: number | null,
  why: readonly string[] = [],
  version?: string,
): Block {
  const parts = [`\`${entry.id}\``];
  if (confidence !== null) parts.push(`confidence ${percent(confidence)}`);
  if (why.length > 0) parts.push(`matched: ${escapeMrkdwn(truncate(why.join('; '), 300))}`);
  if (version !== undefined) parts.push(versionText(version));
  return context(parts.join(' · '));
}

/** How the catalogue version reads in a context line. */
export function versionText(version: string): string {
  return `catalogue ${escapeMrkdwn(truncate(version, 40))}`;
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** A URL inside `<…|…>`: `&` as an entity, and the characters that would end the link encoded. */
function linkUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** Link labels cannot contain `|` or `>`; keep them short. */
function linkLabel(title: string): string {
  return escapeMrkdwn(truncate(title.replace(/\|/g, '/'), 120));
}

/** First sentence of a reason, for compact replies. */
export function firstSentence(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return truncate(end === -1 ? flat : flat.slice(0, end + 1), max);
}
