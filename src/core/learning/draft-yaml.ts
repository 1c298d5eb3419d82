import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { DraftedEntry, DraftInput } from './draft-types.js';

/** Lines of guidance above each key the maintainer has to fill in or check. */
const GUIDANCE: Readonly<Record<string, string>> = {
  id: ' <system>/<slug>: check it, it is never renamed once shipped',
  messages: ' verbatim strings the system prints, from the template (delete any that are not)',
  reason: ' TO FILL: why it happens, in a sentence or two',
  steps: ' TO FILL: numbered fix steps naming real screens, reports and fields',
  sources: ' TO FILL: ids declared under the file’s sources',
  related: ' entries people confuse with this one (the nearest ones today)',
};

/**
 * The drafted entry as YAML for knowledge/<system>.yml: a one-item list in the files' style (codes
 * and statuses in flow style), with guidance comments, indented two spaces to paste under
 * `entries:`. Empty lists are left out, except `steps` and `sources`, which the schema requires.
 */
export function draftYaml(
  entry: DraftedEntry,
  input: Pick<DraftInput, 'count' | 'users'>,
  sourceIds: readonly string[],
): string {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (Array.isArray(value) && value.length === 0 && key !== 'steps' && key !== 'sources')
      continue;
    plain[key] = value;
  }
  const doc = new Document([plain]);
  const map = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  if (isMap(map)) {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (
        isSeq(pair.value) &&
        (key === 'codes' || key === 'status' || pair.value.items.length === 0)
      ) {
        pair.value.flow = true;
      }
      let comment = GUIDANCE[key];
      if (key === 'sources' && sourceIds.length > 0) {
        comment = `${comment ?? ''}: ${sourceIds.slice(0, 8).join(', ')}`;
      }
      // The first key's comment goes above the list item, so the item still reads `- id: …`.
      if (key === 'id' && comment !== undefined) map.commentBefore = comment;
      else if (comment !== undefined && isScalar(pair.key)) pair.key.commentBefore = comment;
    }
  }
  doc.commentBefore =
    ` Drafted by authhelp review: ${plural(input.count, 'paste')} from ${plural(input.users, 'person', 'people')}.\n` +
    ' Fill in reason, steps and sources, then run `npx authhelp lint`.';
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
