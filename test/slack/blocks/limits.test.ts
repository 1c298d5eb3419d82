import { describe, expect, it } from '@jest/globals';
import { answerOf } from '../../../src/slack/answers.js';
import { answerMessage, channelReplyMessage } from '../../../src/slack/blocks/answer.js';
import { helpMessage } from '../../../src/slack/blocks/help.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { escapeMrkdwn, truncate } from '../../../src/slack/blocks/limits.js';
import { listMessage } from '../../../src/slack/blocks/list.js';
import { noMatchMessage } from '../../../src/slack/blocks/no-match.js';
import type { Match } from '../../../src/core/matching/types.js';
import { bigCatalogue } from '../support/big-catalogue.js';
import { limitViolations } from '../support/blocks-check.js';

const catalogue = bigCatalogue();
const entries = catalogue.entries;

function matches(n: number): Match[] {
  return entries.slice(0, n).map((entry, i) => ({
    id: entry.id,
    confidence: 0.9 - i * 0.1,
    why: [`code ${'y'.repeat(500)}`],
    entry,
  }));
}

describe('Block Kit stays within Slack limits whatever the catalogue holds', () => {
  const answer = answerOf(
    { matches: matches(3), confident: true, truncated: true, inputLength: 20000 },
    'command',
  )!;
  const state = answer.state;

  it.each(['private', 'thread', 'shared'] as const)('a %s answer', (mode) => {
    const msg = answerMessage(answer, mode, 'footer '.repeat(1000));
    expect(limitViolations(msg as never, 50)).toEqual([]);
    // However long the entry, the id line and the buttons survive.
    expect(JSON.stringify(msg.blocks)).toContain(`\`${answer.entry.id}\``);
    if (mode !== 'shared') expect(msg.blocks.at(-1)?.type).toBe('actions');
    expect(msg.text.length).toBeLessThanOrEqual(3000);
  });

  it('the channel reply', () => {
    expect(limitViolations(channelReplyMessage(answer.entry, state) as never, 50)).toEqual([]);
  });

  it('the catalogue list, cut to fit with a note', () => {
    const msg = listMessage(bigCatalogue(40, 12, false));
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(msg.blocks).length).toBeLessThan(13_000);
    expect(limitViolations(msg as never, 50)).toEqual([]);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('not shown');
  });

  it('App Home, cut at 100 blocks and 250 KB', () => {
    const view = homeView(bigCatalogue(60, 12, false));
    expect(view.blocks).toHaveLength(100);
    expect(JSON.stringify(view).length).toBeLessThan(250_000);
    expect(limitViolations(view as never, 100)).toEqual([]);
  });

  it('help and no-match', () => {
    expect(limitViolations(helpMessage(catalogue) as never, 50)).toEqual([]);
    expect(limitViolations(noMatchMessage(catalogue, matches(5)) as never, 50)).toEqual([]);
  });

  it('escapes mrkdwn so catalogue text cannot turn into links or mentions', () => {
    expect(escapeMrkdwn('https://<host>/ccx & <!channel>')).toBe(
      'https://&lt;host&gt;/ccx &amp; &lt;!channel&gt;',
    );
    const text = JSON.stringify(answerMessage(answer, 'private').blocks);
    expect(text).toContain('&lt;host&gt;');
    expect(text).not.toContain('<host>');
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('a &amp; b', 5)).toBe('a …');
  });
});
