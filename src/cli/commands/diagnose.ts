import { answerMatch } from '../../core/matching/answer-bar.js';
import type { Diagnosis, Diagnoser, Via } from '../../core/matching/types.js';
import type { Command, CommandContext } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, writeLine } from '../io.js';
import { renderDiagnosis } from '../render/diagnosis.js';

/** Bytes read from stdin for one diagnosis; the matcher caps what it reads further. */
const STDIN_LIMIT = 1024 * 1024;
/** A batch line longer than this is answered with an error instead of being parsed. */
const MAX_BATCH_LINE = 1024 * 1024;
/** A batch line's `id` longer than this is not echoed (an id, not a second paste). */
const MAX_LINE_ID = 200;

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'match a pasted error against the catalogue (TEXT or stdin; --jsonl for batches)',
  usage:
    'authhelp diagnose [TEXT] [--json] [--channel] | authhelp diagnose --jsonl < pastes.jsonl  (lines: {"id"?, "text", "via"?})',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        channel: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      Infinity,
    );
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return 0;
    }
    if (values.jsonl === true) {
      if (positionals.length > 0)
        throw new UsageError('--jsonl reads JSON lines from stdin, not TEXT');
      return runBatch(ctx);
    }
    const text = await readText(positionals, ctx);
    const diagnoser = await ctx.loadDiagnoser();
    const via: Via = values.channel === true ? 'channel' : 'command';
    const diagnosis = diagnoser.diagnose(text);
    if (values.json === true)
      writeLine(ctx.io.stdout, JSON.stringify(toJson(diagnosis, via, true)));
    else for (const line of renderDiagnosis(diagnosis, via)) writeLine(ctx.io.stdout, line);
    return 0;
  },
};

async function readText(positionals: readonly string[], ctx: CommandContext): Promise<string> {
  if (positionals.length > 0) {
    const text = positionals.join(' ');
    if (text.trim() === '') throw new UsageError('TEXT is empty: paste an error message');
    return text;
  }
  const input = await ctx.io.readStdin(STDIN_LIMIT);
  if (input.isTty) throw new UsageError('no text: give TEXT or pipe an error into stdin');
  if (input.text.trim() === '') throw new UsageError('no text on stdin: paste an error message');
  return input.text;
}

async function runBatch(ctx: CommandContext): Promise<number> {
  const diagnoser = await ctx.loadDiagnoser();
  for await (const line of ctx.io.stdinLines()) {
    writeLine(ctx.io.stdout, JSON.stringify(answerLine(line, diagnoser)));
  }
  return 0;
}

/** One batch line in, exactly one JSON object out; a bad line gets an error object. */
function answerLine(line: string, diagnoser: Diagnoser): object {
  if (line.length > MAX_BATCH_LINE)
    return { error: `line longer than ${MAX_BATCH_LINE} characters` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'expected a JSON object with a "text" field' };
  }
  const { text, via, id } = parsed as { text?: unknown; via?: unknown; id?: unknown };
  // The line's own id comes back first, so answers can be joined to their inputs by id.
  const echo = isLineId(id) ? { id } : {};
  if (typeof text !== 'string') return { ...echo, error: '"text" must be a string' };
  if (via !== undefined && via !== 'channel' && via !== 'command') {
    return { ...echo, error: '"via" must be "channel" or "command"' };
  }
  return { ...echo, ...toJson(diagnoser.diagnose(text), via ?? 'command', false) };
}

/** Ids echoed back: a short string or a finite number; anything else is left out. */
function isLineId(id: unknown): id is string | number {
  if (typeof id === 'number') return Number.isFinite(id);
  return typeof id === 'string' && id.length <= MAX_LINE_ID;
}

/** `answer`: the id authhelp would answer with where the text came from (`via`), or null. */
function toJson(d: Diagnosis, via: Via, full: boolean): object {
  const matches = d.matches.slice(0, 5).map((m) => ({
    id: m.id,
    confidence: Math.round(m.confidence * 1000) / 1000,
    why: m.why,
    ...(full ? { title: m.entry.title } : {}),
  }));
  const base = { matches, confident: d.confident, answer: answerMatch(d, via)?.id ?? null };
  if (!full) return d.truncated ? { ...base, truncated: true } : base;
  const best = d.matches[0]?.entry;
  return {
    ...base,
    truncated: d.truncated,
    ...(d.ask === undefined ? {} : { ask: d.ask }),
    ...(best === undefined
      ? {}
      : {
          best: {
            id: best.id,
            title: best.title,
            reason: best.reason,
            steps: best.steps,
            sources: best.sources,
          },
        }),
  };
}
