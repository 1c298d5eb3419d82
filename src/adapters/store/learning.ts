import { AuthHelpError } from '../../core/errors.js';
import { MAX_MASKED_CHARS } from '../../core/learning/mask-credentials.js';
import type {
  DiagnosisRecord,
  FeedbackKind,
  FeedbackRecord,
  Surface,
} from '../../core/learning/records.js';
import { batched } from './jobs/batch.js';
import { toNumber, type Sql, type SqlValue } from './sql.js';

/**
 * What the app learns from use (issue 11): one row per diagnosis, one vote per person per
 * diagnosis. Paste text is kept only as masked by the templater, only while retention allows.
 */
export interface LearningStore {
  /** AUTHHELP_RETENTION_DAYS: days masked pastes are kept; 0 keeps none. */
  readonly retentionDays: number;
  /**
   * Stores a diagnosis; a second record with the same id (a redelivered event) is left out. With
   * retention 0 its masked text is dropped here, whatever the caller sent.
   */
  recordDiagnosis(record: DiagnosisRecord): Promise<RecordOutcome>;
  /** Stores a vote; the person's latest vote on a diagnosis replaces their earlier one. */
  recordFeedback(vote: FeedbackVote): Promise<FeedbackOutcome>;
  /** Diagnoses at or after `sinceIso` in time order, and the votes on them: buildReview's input. */
  readSince(sinceIso: string): Promise<LearningRecords>;
}

export type RecordOutcome =
  | { readonly recorded: true; readonly textKept: boolean }
  | { readonly recorded: false; readonly reason: 'duplicate' };

/** A vote as a listener sees it: the record, who clicked (a Slack user id) and, optionally, when. */
export interface FeedbackVote extends FeedbackRecord {
  readonly user: string;
  /** ISO 8601; the store's clock when left out. */
  readonly time?: string;
}

export type FeedbackOutcome =
  { readonly recorded: true } | { readonly recorded: false; readonly reason: 'unknown-diagnosis' };

export interface LearningRecords {
  readonly diagnoses: readonly DiagnosisRecord[];
  readonly feedback: readonly FeedbackRecord[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Records (without text) stay at least this long, so a quarter's trend survives a short text
 * retention; longer when AUTHHELP_RETENTION_DAYS is longer.
 */
const MIN_RECORD_DAYS = 90;
const MAX_ID = 200;
const MAX_TEMPLATE_CHARS = 16 * 1024;
const SURFACES: ReadonlySet<Surface> = new Set(['command', 'channel', 'shortcut', 'cli']);
const KINDS: ReadonlySet<FeedbackKind> = new Set(['up', 'down', 'instead']);

interface DiagnosisRow {
  id: string;
  time: unknown;
  team: string;
  user_id: string;
  surface: Surface;
  entry_id: string | null;
  confidence: unknown;
  answered: unknown;
  catalogue_version: string;
  masked_text: string | null;
  template: string | null;
  template_id: string | null;
}

interface FeedbackRow {
  diagnosis_id: string;
  kind: FeedbackKind;
  instead_entry_id: string | null;
}

/**
 * The learning tables behind either back end; every call is one statement. On PostgreSQL the
 * diagnoses recorded in one event-loop turn are one statement (the app writes one per paste).
 */
export function sqlLearningStore(
  sql: Sql,
  now: () => number,
  retentionDays: number,
): LearningStore {
  const insertAll = (rows: readonly DiagnosisValues[]) => insertDiagnoses(sql, rows);
  const insert = sql.dialect === 'postgres' ? batched(insertAll) : undefined;
  return {
    retentionDays,
    async recordDiagnosis(record) {
      const text = keptText(record, retentionDays);
      const row = diagnosisValues(record, text);
      const kept = insert === undefined ? (await insertAll([row]))[0] === true : await insert(row);
      return kept
        ? { recorded: true, textKept: text !== null }
        : { recorded: false, reason: 'duplicate' };
    },
    async recordFeedback(vote) {
      const at = checkVote(vote, now);
      // Inserted only if the diagnosis exists, in the same statement: no vote without its diagnosis.
      const rows = await sql.all(
        `INSERT INTO feedback (diagnosis_id, user_id, kind, instead_entry_id, time)
         SELECT d.id, ?, ?, ?, CAST(? AS BIGINT) FROM diagnoses d WHERE d.id = ?
         ON CONFLICT (diagnosis_id, user_id) DO UPDATE SET
           kind = excluded.kind, instead_entry_id = excluded.instead_entry_id, time = excluded.time
         RETURNING diagnosis_id`,
        [
          vote.user,
          vote.kind,
          vote.kind === 'instead' ? (vote.insteadEntryId ?? null) : null,
          at,
          vote.diagnosisId,
        ],
      );
      return rows.length === 0
        ? { recorded: false, reason: 'unknown-diagnosis' }
        : { recorded: true };
    },
    async readSince(sinceIso) {
      const since = Date.parse(sinceIso);
      if (Number.isNaN(since))
        throw new AuthHelpError('INTERNAL', 'readSince needs an ISO 8601 time');
      const diagnoses = await sql.all<DiagnosisRow>(
        `SELECT id, time, team, user_id, surface, entry_id, confidence, answered, catalogue_version,
           masked_text, template, template_id
         FROM diagnoses WHERE time >= ? ORDER BY time, id`,
        [since],
      );
      const feedback = await sql.all<FeedbackRow>(
        `SELECT f.diagnosis_id, f.kind, f.instead_entry_id
         FROM feedback f JOIN diagnoses d ON d.id = f.diagnosis_id
         WHERE d.time >= ? ORDER BY d.time, f.diagnosis_id, f.time, f.user_id`,
        [since],
      );
      return { diagnoses: diagnoses.map(toDiagnosis), feedback: feedback.map(toFeedback) };
    },
  };
}

/**
 * For `Store.sweep`: masked pastes older than the retention lose their text; records older than
 * MIN_RECORD_DAYS (or the retention, if longer) go, with their votes.
 */
export async function sweepLearning(sql: Sql, t: number, retentionDays: number): Promise<void> {
  const recordsBefore = t - Math.max(retentionDays, MIN_RECORD_DAYS) * DAY_MS;
  await sql.all(
    'DELETE FROM feedback WHERE diagnosis_id IN (SELECT id FROM diagnoses WHERE time < ?)',
    [recordsBefore],
  );
  await sql.all('DELETE FROM diagnoses WHERE time < ?', [recordsBefore]);
  await sql.all(
    'UPDATE diagnoses SET masked_text = NULL WHERE masked_text IS NOT NULL AND time < ?',
    [t - retentionDays * DAY_MS],
  );
}

function toDiagnosis(row: DiagnosisRow): DiagnosisRecord {
  return {
    id: row.id,
    time: new Date(toNumber(row.time)).toISOString(),
    team: row.team,
    user: row.user_id,
    surface: row.surface,
    entryId: row.entry_id,
    confidence: toNumber(row.confidence),
    answered: toNumber(row.answered) === 1,
    catalogueVersion: row.catalogue_version,
    ...(row.masked_text === null ? {} : { maskedText: row.masked_text }),
    ...(row.template === null ? {} : { template: row.template }),
    ...(row.template_id === null ? {} : { templateId: row.template_id }),
  };
}

function toFeedback(row: FeedbackRow): FeedbackRecord {
  return {
    diagnosisId: row.diagnosis_id,
    kind: row.kind,
    ...(row.instead_entry_id === null ? {} : { insteadEntryId: row.instead_entry_id }),
  };
}

/** A diagnosis as the row it is stored as, in the column order of insertDiagnoses. */
type DiagnosisValues = readonly [string, ...SqlValue[]];

/** Checks a record and turns it into its row; with retention 0 the masked text is dropped. */
/** The masked text as stored: none when retention is off, capped otherwise. */
function keptText(record: DiagnosisRecord, retentionDays: number): string | null {
  return retentionDays === 0 ? null : (record.maskedText?.slice(0, MAX_MASKED_CHARS) ?? null);
}

function diagnosisValues(record: DiagnosisRecord, text: string | null): DiagnosisValues {
  const at = checkDiagnosis(record);
  return [
    record.id,
    at,
    record.team,
    record.user,
    record.surface,
    record.entryId,
    record.confidence,
    record.answered ? 1 : 0,
    record.catalogueVersion,
    text,
    record.template ?? null,
    record.templateId ?? null,
  ];
}

/**
 * Inserts the rows whose id is new, in one statement; per row, whether it was inserted. An id
 * given twice in one batch (a redelivered event) is inserted for its first row only.
 */
async function insertDiagnoses(sql: Sql, rows: readonly DiagnosisValues[]): Promise<boolean[]> {
  const first = new Map<string, DiagnosisValues>();
  for (const row of rows) if (!first.has(row[0])) first.set(row[0], row);
  const unique = [...first.values()];
  const inserted = await sql.all<{ id: string }>(
    `INSERT INTO diagnoses (id, time, team, user_id, surface, entry_id, confidence, answered,
       catalogue_version, masked_text, template, template_id)
     VALUES ${unique.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    unique.flat(),
  );
  const won = new Set(inserted.map((r) => r.id));
  return rows.map((row) => won.has(row[0]) && first.get(row[0]) === row);
}

/** Records come from our listeners: a malformed one is our fault, and fails loudly. */
function checkDiagnosis(r: DiagnosisRecord): number {
  const at = Date.parse(r.time);
  const ok =
    isId(r.id) &&
    isId(r.team) &&
    isId(r.user) &&
    SURFACES.has(r.surface) &&
    (r.entryId === null || isId(r.entryId)) &&
    r.confidence >= 0 &&
    r.confidence <= 1 &&
    isId(r.catalogueVersion) &&
    !Number.isNaN(at) &&
    (r.template === undefined || r.template.length <= MAX_TEMPLATE_CHARS) &&
    (r.templateId === undefined || isId(r.templateId));
  if (!ok) throw invalid('diagnosis', r.id);
  return at;
}

function checkVote(v: FeedbackVote, now: () => number): number {
  const at = v.time === undefined ? now() : Date.parse(v.time);
  const ok =
    isId(v.diagnosisId) &&
    isId(v.user) &&
    KINDS.has(v.kind) &&
    (v.kind !== 'instead' || (v.insteadEntryId !== undefined && isId(v.insteadEntryId))) &&
    !Number.isNaN(at);
  if (!ok) throw invalid('vote', v.diagnosisId);
  return at;
}

function isId(value: string): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

function invalid(what: string, id: unknown): AuthHelpError {
  // Never the record itself: it may hold a paste.
  return new AuthHelpError('INTERNAL', `invalid learning ${what} for the store`, {
    context: { id: typeof id === 'string' ? id.slice(0, 40) : typeof id },
  });
}
