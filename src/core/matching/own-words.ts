import { readLine } from './output-rules.js';

/**
 * The poster's own words: without code blocks, quoted strings and lines of error output, so a
 * vendor's message ("This may happen if …") or a quoted error is not read as the poster writing
 * about errors.
 */
export function ownWords(text: string): string {
  // Each pass below is skipped where the paste lacks a mark its every match holds (most logs hold
  // no backtick and no apostrophe): the passes left out would have changed nothing.
  const fence = text.includes('`');
  const apostrophe = text.includes("'");
  const double = text.includes('"') || text.includes('“');
  let t = text;
  if (fence && t.includes('```')) t = t.replace(/```[\s\S]*?(?:```|$)/g, '\n');
  // A field's quoted value (exceptionMessage='…') may run over lines: it is the program's text.
  if (apostrophe) t = t.replace(/[=:]\s*'[^'\n]{12,}(?:\n[^'\n]*){1,8}'/g, ' ');
  // An apostrophe inside a word (don't, user's) opens no quote.
  if (fence || apostrophe || double)
    t = t.replace(/`[^`\n]*`|"[^"\n]{6,}"|“[^”\n]{6,}”|(?<!\w)'[^'\n]{12,}'(?!\w)/g, ' ');
  // Inline code that runs over lines (`errors: [ … ]`) is the program's text too.
  if (fence) t = t.replace(/`[^`]{1,2000}`/g, ' ');
  // A field's quoted value the paste cut off before it closed, a line or three from the end.
  if (apostrophe) t = t.replace(/[=:]\s*'[^'\n]{12,}(?:\n[^'\n]*){1,3}$/, ' ');
  // A quote a paste cut off before it closed runs to the end of its line.
  if (double) t = t.replace(/(?<![\w=:])["“][^"”\n]{30,}$/gm, ' ');
  const lines = t.split('\n');
  // Each line is tested once: a line's neighbours are read again below.
  const read = lines.map(readLine);
  const output = read.map((r) => r !== null);
  // Not error output, and not a line sandwiched between lines of output (a program's explanation
  // printed between an exception and its stack frames).
  return lines
    .flatMap((line, i) => {
      const before = read[i];
      if (before !== null && before !== undefined) return [before];
      return output[i - 1] === true && output[i + 1] === true ? [] : [line];
    })
    .filter((line) => line !== '')
    .join('\n');
}
