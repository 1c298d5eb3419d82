import type { types } from '@slack/bolt';
import { LIMITS, fitBlocks, truncate, type Block } from './limits.js';

export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

export interface ModalSpec {
  readonly callbackId: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly submit?: string;
  readonly close?: string;
  /** Round-trips through Slack clients: ids only, never a value someone typed. */
  readonly privateMetadata?: string;
}

/** A modal within Slack's limits: short title and buttons, blocks cut to fit a view. */
export function modal(spec: ModalSpec): ModalView {
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    title: plainText(spec.title, LIMITS.viewTitle),
    ...(spec.submit === undefined ? {} : { submit: plainText(spec.submit, LIMITS.viewTitle) }),
    close: plainText(spec.close ?? 'Close', LIMITS.viewTitle),
    ...(spec.privateMetadata === undefined
      ? {}
      : { private_metadata: truncate(spec.privateMetadata, LIMITS.privateMetadata) }),
    blocks: fitBlocks(
      spec.blocks,
      LIMITS.blocksPerView,
      LIMITS.viewChars,
      'Shortened to fit Slack',
    ),
  };
}

/** The App Home tab, cut to fit a view. */
export function homeTab(blocks: readonly Block[]): HomeView {
  return {
    type: 'home',
    blocks: fitBlocks(blocks, LIMITS.blocksPerView, LIMITS.viewChars, 'Shortened to fit Slack'),
  };
}

export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max) };
}

export interface TextInputSpec {
  readonly blockId: string;
  readonly actionId: string;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly optional?: boolean;
  readonly multiline?: boolean;
}

/** A labelled text field; the block id names it in inline errors. */
export function textInput(spec: TextInputSpec): Block {
  return {
    type: 'input',
    block_id: spec.blockId,
    optional: spec.optional === true,
    label: plainText(spec.label, LIMITS.inputLabel),
    ...(spec.hint === undefined ? {} : { hint: plainText(spec.hint, LIMITS.inputLabel) }),
    element: {
      type: 'plain_text_input',
      action_id: spec.actionId,
      ...(spec.multiline === true ? { multiline: true } : {}),
      ...(spec.placeholder === undefined
        ? {}
        : { placeholder: plainText(spec.placeholder, LIMITS.placeholder) }),
    },
  };
}

export interface Choice {
  readonly value: string;
  readonly text: string;
}

/** Slack's option objects: text and value of at most 75 characters. */
export function options(choices: readonly Choice[]): types.PlainTextOption[] {
  return choices.map((c) => ({
    value: truncate(c.value, LIMITS.optionText),
    text: plainText(c.text, LIMITS.optionText),
  }));
}
