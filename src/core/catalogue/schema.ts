import { z } from 'zod';

/** Entry ids are `<system>/<slug>`; the slug keeps upstream spelling (`invalid_grant`, `TokenExpired`). */
export const ENTRY_ID_PATTERN = /^[a-z][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const SYSTEM_PATTERN = /^[a-z][a-z0-9-]*$/;

const nonEmpty = z.string().trim().min(1);

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'source ids are lower-case kebab-case'),
  title: nonEmpty,
  url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
});

export const entrySchema = z.strictObject({
  id: z.string().regex(ENTRY_ID_PATTERN, 'must look like <system>/<slug>'),
  title: nonEmpty.max(120),
  /** Codes printed by the system that identify this entry: OAuth error names, Login Audit Trail codes. */
  codes: z.array(nonEmpty).default([]),
  /** Codes this failure also surfaces as, which usually mean another entry (weak evidence). */
  surfacesAs: z.array(nonEmpty).default([]),
  /** A wrapper reading (e.g. NetSuite INVALID_LOGIN): an entry hit by its own specific code wins over it. */
  generic: z.boolean().default(false),
  /** HTTP statuses the failure is documented (or reliably observed) with. */
  status: z.array(z.number().int().min(100).max(599)).default([]),
  /** Exact strings the system prints, verbatim: what people paste. */
  messages: z.array(nonEmpty).default([]),
  /** How people describe it: aliases, symptoms, paraphrases. */
  phrases: z.array(nonEmpty).default([]),
  reason: nonEmpty,
  steps: z.array(nonEmpty).min(1),
  sources: z.array(nonEmpty).min(1),
  related: z.array(z.string().regex(ENTRY_ID_PATTERN)).default([]),
});

/** What points to a system in a paste: host suffixes, URL path fragments, words. */
export const detectSchema = z.strictObject({
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, 'a lower-case host suffix')).default([]),
  paths: z.array(nonEmpty).default([]),
  words: z.array(nonEmpty).default([]),
});

export const systemFileSchema = z.strictObject({
  system: z.string().regex(SYSTEM_PATTERN, 'lower-case system name'),
  title: nonEmpty,
  /** Absent for vendor-neutral systems such as generic OAuth 2.0. */
  detect: detectSchema.optional(),
  sources: z.array(sourceSchema).min(1),
  entries: z.array(entrySchema).min(1),
});

export type SourceDoc = z.infer<typeof sourceSchema>;
export type RawEntry = z.infer<typeof entrySchema>;
export type SystemFile = z.infer<typeof systemFileSchema>;
export type Detect = z.infer<typeof detectSchema>;
