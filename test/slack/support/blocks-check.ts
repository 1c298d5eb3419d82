/** Walks a Slack message or view and lists every Block Kit limit it breaks (empty = within limits). */
export function limitViolations(payload: Record<string, unknown>, maxBlocks: number): string[] {
  const problems: string[] = [];
  const blocks = (payload['blocks'] ?? []) as Record<string, unknown>[];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const text = (o: unknown): string => (o as { text?: string } | undefined)?.text ?? '';
  for (const [i, b] of blocks.entries()) {
    if (b['type'] === 'section' && text(b['text']).length > 3000)
      problems.push(`block ${i}: section text > 3000`);
    if (b['type'] === 'header' && text(b['text']).length > 150)
      problems.push(`block ${i}: header > 150`);
    if (b['type'] === 'context') {
      for (const e of b['elements'] as unknown[])
        if (text(e).length > 3000) problems.push(`block ${i}: context > 3000`);
    }
    if (b['type'] === 'actions') {
      const elements = b['elements'] as Record<string, unknown>[];
      if (elements.length > 25) problems.push(`block ${i}: > 25 elements`);
      for (const e of elements) {
        if (text(e['text']).length > 75) problems.push(`block ${i}: button text > 75`);
        if (typeof e['value'] === 'string' && e['value'].length > 2000)
          problems.push(`block ${i}: value > 2000`);
      }
    }
  }
  const title = text(payload['title']);
  if (title.length > 24) problems.push(`title > 24`);
  return problems;
}

/** Our own markup in mrkdwn: links `<https://…|label>` (`&` as `&amp;`) and mentions `<@U123>`. */
const OWN_MARKUP = /<(?:https?:\/\/(?:[^\s<>|&]|&amp;)+\|[^<>]*|@[A-Z0-9]+)>/g;

/**
 * Every mrkdwn text in a message or view with `<`, `>` or `&` that is not an entity or our own
 * link/mention markup: such a character came from somewhere unescaped.
 */
export function unescapedMarkup(payload: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o['type'] === 'mrkdwn' && typeof o['text'] === 'string') {
      const rest = o['text'].replace(OWN_MARKUP, '');
      const bad = /[<>]|&(?!amp;|lt;|gt;)/.exec(rest);
      if (bad !== null)
        found.push(rest.slice(Math.max(0, bad.index - 30), bad.index + 30).replace(/\n/g, ' '));
    }
    Object.values(o).forEach(visit);
  };
  visit(payload);
  return found;
}
