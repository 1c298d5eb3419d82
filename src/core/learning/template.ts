import { shortHash } from './hash.js';
import { maskCredentials } from './mask-credentials.js';
import { createVariableMasker } from './mask-variables.js';
import { pinsOf } from './pins.js';
import type { TemplateVocabulary } from './vocabulary.js';

/** Longest template, in tokens: a 4 KB paste rarely has more, and Drain compares token by token. */
export const MAX_TEMPLATE_TOKENS = 400;

/** What is kept of one paste: never a credential, and in the template nothing that names anyone. */
export interface PasteTemplate {
  /** The paste with every credential masked, at most 4 KB: the example a maintainer reads. */
  readonly maskedText: string;
  /** The paste was longer than the caps and part of it was left out. */
  readonly truncated: boolean;
  /** Its error template: variable parts masked, tokens joined by one space. */
  readonly template: string;
  /** A short hash of `template`: equal templates, equal ids. */
  readonly templateId: string;
}

/** A template split for clustering: its tokens and, per token, what it pins (see pinsOf). */
export interface TemplateTokens {
  readonly tokens: readonly string[];
  readonly pins: readonly string[];
}

export interface Templater {
  /** The codes and vendor hosts it keeps. */
  readonly vocabulary: TemplateVocabulary;
  templateOf(paste: string): PasteTemplate;
  /** The variable parts of a credential-masked text masked, its layout (line breaks) kept. */
  maskVariables(maskedText: string): string;
  /** Splits a template (from templateOf, perhaps read back from a store) for the miner. */
  tokensOf(template: string): TemplateTokens;
}

/** Builds the templater for a catalogue's vocabulary (see vocabularyOf). Pure and deterministic. */
export function createTemplater(vocabulary: TemplateVocabulary): Templater {
  const maskVariables = createVariableMasker(vocabulary);
  return {
    vocabulary,
    maskVariables,
    templateOf(paste) {
      const masked = maskCredentials(paste);
      const tokens = maskVariables(masked.text)
        .split(/\s+/)
        .filter((t) => t !== '')
        .slice(0, MAX_TEMPLATE_TOKENS);
      const template = tokens.join(' ');
      return {
        maskedText: masked.text,
        truncated: masked.truncated,
        template,
        templateId: shortHash(template),
      };
    },
    tokensOf(template) {
      const tokens = template
        .split(' ')
        .filter((t) => t !== '')
        .slice(0, MAX_TEMPLATE_TOKENS);
      return { tokens, pins: pinsOf(tokens, vocabulary) };
    },
  };
}
