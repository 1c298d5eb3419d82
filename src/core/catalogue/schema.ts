import { z } from 'zod';

/** Entry ids are `<system>/<slug>`; the slug keeps upstream spelling (`invalid_grant`, `TokenExpired`). */
export const ENTRY_ID_PATTERN = /^[a-z][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SYSTEM_PATTERN = /^[a-z][a-z0-9-]*$/;
const CONTEXT_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

const nonEmpty = z.string().trim().min(1);

/** Kinds of failure an entry documents; see `failure` on the entry schema. */
const FAILURE_KINDS = ['auth', 'server', 'limit'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];
const texts = (description: string, examples: readonly string[]) =>
  z
    .array(nonEmpty)
    .default([])
    .meta({ description, examples: [examples] });

// Descriptions and examples end up in knowledge/schema.json, which editors show while typing.

const sourceSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'source ids are lower-case kebab-case')
      .meta({ description: 'How entries cite this source.', examples: ['rfc6749-errors'] }),
    title: nonEmpty.meta({ description: 'The document title shown with the answer.' }),
    url: z
      .url({ protocol: /^https$/, error: 'must be an https URL' })
      .meta({ description: 'An https link to the public document.', pattern: '^https://' }),
  })
  .meta({ description: 'A public document the entries of this file cite.' });

/**
 * Signs that the credential a text presents is one the entry's failure is not about, though the
 * entry's messages answer it too (a static API key refused in the same words as an access token).
 */
const counterSignsSchema = z
  .strictObject({
    words: texts(
      'Words that show the other credential, found whole outside the entry’s quoted messages (case-insensitive; a space also matches - or _).',
      ['private app'],
    ),
    patterns: z
      .array(nonEmpty)
      .default([])
      .meta({
        description:
          'Regular expressions (case-insensitive, on the text in lower case with one space between words) for shapes that show the other credential.',
        examples: [['(?<![\\w-])pats?(?![\\w-])']],
      }),
    unless: texts(
      'Words that show the entry’s own credential after all: with one of them in the text, the signs are not read.',
      ['access token'],
    ),
    staticCredentials: z.boolean().default(false).meta({
      description:
        'A static credential shown by the structure of the text is a sign too, whatever the words say: an Authorization scheme other than Bearer (token, Bot, SSWS, ApiKey, Basic), an API-key header or query parameter, a variable named for an API key, API token or PAT, a well-known static token prefix (ghp_, github_pat_, glpat-, secret_, ntn_, sk-). Only the access token’s own structure (a Bearer token of no static prefix, a JWT, an access_token field, a grant_type) sets it aside.',
    }),
  })
  .meta({
    description:
      'Signs that the text presents a credential this failure is not about, though its messages answer that one too (a static API key or a password refused in the same words as an access token). Where the text shows one outside the entry’s quoted messages and none of `unless`, the entry is not answered unasked unless its own code is written out, and asked it is shown as the closest reading, not a likely one.',
  });

const entrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(ENTRY_ID_PATTERN, 'must look like <system>/<slug>')
      .meta({
        description: '<system>/<slug>, shown to users and never renamed once shipped.',
        examples: ['workday/invalid-tenant-name'],
      }),
    title: nonEmpty.max(120).meta({ description: 'A short title people recognise.' }),
    /** Codes printed by the system that identify this entry: OAuth error names, Login Audit Trail codes. */
    codes: texts('Codes the system prints that identify this failure (strong evidence).', [
      'invalid_client',
    ]),
    /** Codes this failure also surfaces as, which usually mean another entry (weak evidence). */
    surfacesAs: texts(
      'Codes this failure also shows up as, which usually mean another entry (weak evidence).',
      ['invalid_grant'],
    ),
    /**
     * Words that name this failure inside a code the catalogue does not list: a provider's own code
     * with a failure word in it (`unauthorized_scope_error`, `BAD_REFRESH_TOKEN`).
     */
    wordsInCodes: texts(
      'Words that name this failure inside an error code the catalogue does not list: a provider’s own code with a failure word in it (invalid, expired, bad, unauthorized …) reads as the entry with the most of its words (weaker evidence than a listed code).',
      ['refresh token'],
    ),
    /** A wrapper reading (e.g. NetSuite INVALID_LOGIN): an entry hit by its own specific code wins over it. */
    generic: z.boolean().default(false).meta({
      description:
        'A wrapper reading (NetSuite INVALID_LOGIN): an entry named by its own specific code beats it.',
    }),
    /**
     * What kind of failure this is. Only `auth` entries answer unasked in a support channel on the
     * usual evidence; the others need their own code (or their vendor's own message) in the paste.
     */
    failure: z
      .enum(FAILURE_KINDS)
      .default('auth')
      .meta({
        description:
          'auth (default): an authentication or authorization failure the poster can fix. server: the provider failed on its side (5xx, server_error): retry, nothing to fix in the credentials. limit: a rate or concurrency limit. A server or limit entry answers unasked in a channel only when the paste carries its own code or its vendor’s own message; asked, it is answered as usual.',
        examples: ['server'],
      }),
    /** HTTP statuses the failure is documented (or reliably observed) with. */
    status: z
      .array(z.number().int().min(100).max(599))
      .default([])
      .meta({
        description: 'HTTP statuses the failure is documented (or reliably observed) with.',
        examples: [[401]],
      }),
    /** Exact strings the system prints, verbatim: what people paste. */
    messages: texts('Exact strings the system prints, verbatim: what people paste.', [
      'Invalid login attempt.',
    ]),
    /** How people describe it: aliases, symptoms, paraphrases. */
    phrases: texts('How people describe it: symptoms and causes in their words.', [
      'token call fails after the secret was regenerated',
    ]),
    reason: nonEmpty.meta({ description: 'Why it happens, in a sentence or two.' }),
    steps: z
      .array(nonEmpty)
      .min(1)
      .meta({ description: 'Numbered fix steps naming real screens, reports and fields.' }),
    sources: z
      .array(nonEmpty)
      .min(1)
      .meta({
        description: 'Ids declared under the file’s sources.',
        examples: [['rfc6749-errors']],
      }),
    related: z
      .array(z.string().regex(ENTRY_ID_PATTERN))
      .default([])
      .meta({ description: 'Ids of entries people confuse with this one.' }),
    /** A more specific reading of these entries (same failure, one vendor or setting). */
    refines: z
      .array(z.string().regex(ENTRY_ID_PATTERN))
      .default([])
      .meta({
        description:
          'Ids of broader entries this one is a case of. It wins over them when its own evidence is in the text: its vendor (for an entry of another system) and its context, if it names one.',
        examples: [['oauth2/invalid_client']],
      }),
    /** What would tell this failure from the readings people confuse it with. */
    question: nonEmpty.optional().meta({
      description:
        'The question whose answer tells this failure from the readings people confuse it with, asked privately when the text cannot (overrides the file’s question).',
      examples: [
        'Is your client listed under View API Clients in the tenant named in the token URL?',
      ],
    }),
    /** What shows the text presents a credential this failure is not about. */
    counterSigns: counterSignsSchema.optional(),
    /** The setting the failure happens in, declared under the file's contexts. */
    context: z
      .string()
      .regex(CONTEXT_ID_PATTERN)
      .optional()
      .meta({
        description:
          'Id of a context declared under the file’s contexts: the setting this failure happens in (needed to refine an entry of the same system).',
        examples: ['tba'],
      }),
  })
  .meta({
    description: 'One documented failure: how to recognise it, why it happens, how to fix it.',
  });

/** What points to a system in a paste: host suffixes, URL path fragments, words, code and text shapes. */
const detectSchema = z
  .strictObject({
    hosts: z
      .array(z.string().regex(/^[a-z0-9.-]+$/, 'a lower-case host suffix'))
      .default([])
      .meta({
        description: 'Host suffixes of the vendor (a host ending in one names the vendor).',
        examples: [['workday.com']],
      }),
    paths: z
      .array(nonEmpty)
      .default([])
      .meta({
        description: 'Regular expressions (case-insensitive) for URL paths of the vendor.',
        examples: [['/ccx/(?:oauth2|api|service)/']],
      }),
    words: texts('Names and words that point to the vendor when they appear in a paste.', [
      'integration system user',
    ]),
    codes: z
      .array(nonEmpty)
      .default([])
      .meta({
        description:
          "Regular expressions (case-sensitive, whole words) for the shape of the vendor's own codes, so a code the catalogue does not list still names the vendor.",
        examples: [['AADSTS[0-9]{5,7}']],
      }),
    shapes: z
      .array(nonEmpty)
      .default([])
      .meta({
        description:
          'Regular expressions (case-sensitive) for text only the vendor prints or uses: an account id, a header, a key format. One found in a paste names the vendor as a URL path does.',
        examples: [['\\b[0-9]{4,9}_SB[0-9]{1,2}\\b']],
      }),
  })
  .meta({
    description: 'What points to this system in a paste. Absent for vendor-neutral systems.',
  });

/** A setting some entries' failures happen in (NetSuite token-based authentication), as seen in a paste. */
const contextSchema = z
  .strictObject({
    id: z
      .string()
      .regex(CONTEXT_ID_PATTERN, 'context ids are lower-case kebab-case')
      .meta({ description: 'How entries name this context.', examples: ['tba'] }),
    title: nonEmpty.meta({
      description: 'The setting as people name it.',
      examples: ['Token-based authentication (OAuth 1.0)'],
    }),
    words: texts(
      'Words and names that show the setting, found whole (case-insensitive; a space also matches - or _).',
      ['consumer key'],
    ),
    patterns: z
      .array(nonEmpty)
      .default([])
      .meta({
        description:
          'Regular expressions (case-insensitive) for shapes that show the setting. A named group `seen` picks the part of the match shown as the reason.',
        examples: [['\\boauth_signature\\b']],
      }),
    rivals: z
      .array(z.string().regex(CONTEXT_ID_PATTERN))
      .default([])
      .meta({
        description:
          'Ids of contexts of this file that a failure happens in instead of this one (OAuth 2.0 beside token-based authentication, read both ways): a paste that shows one and not the other is no case of an entry set in the other, so that entry yields to the rest.',
        examples: [['oauth2']],
      }),
    covers: z
      .array(z.string().regex(SYSTEM_PATTERN))
      .default([])
      .meta({
        description:
          'Vendor-neutral systems whose every entry happens in this setting (`oauth2`: each is an OAuth 2.0 error). Where a paste shows this file’s vendor and a rival setting instead, their entries yield too.',
        examples: [['oauth2']],
      }),
  })
  .meta({ description: 'A setting entries can name as their context.' });

export const systemFileSchema = z
  .strictObject({
    system: z
      .string()
      .regex(SYSTEM_PATTERN, 'lower-case system name')
      .meta({
        description: 'The system name: the prefix of every entry id in this file.',
        examples: ['workday'],
      }),
    title: nonEmpty.meta({ description: 'The system as people name it.', examples: ['Workday'] }),
    /** Absent for vendor-neutral systems such as generic OAuth 2.0. */
    detect: detectSchema.optional(),
    question: nonEmpty.optional().meta({
      description:
        'The question that tells this system’s readings apart when the text cannot (an entry’s own question overrides it).',
      examples: ['What does the Detail column of the Login Audit Trail show for the failed login?'],
    }),
    contexts: z
      .array(contextSchema)
      .default([])
      .meta({ description: 'Settings the entries of this file can name as their context.' }),
    sources: z.array(sourceSchema).min(1),
    entries: z.array(entrySchema).min(1),
  })
  .meta({
    title: 'authhelp knowledge file',
    description: 'One system’s documented auth failures.',
  });

export type SourceDoc = z.infer<typeof sourceSchema>;
export type RawEntry = z.infer<typeof entrySchema>;
export type SystemFile = z.infer<typeof systemFileSchema>;
export type Detect = z.infer<typeof detectSchema>;
export type Context = z.infer<typeof contextSchema>;
export type CounterSigns = z.infer<typeof counterSignsSchema>;
