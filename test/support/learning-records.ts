import { loadCatalogue } from '../../src/adapters/catalogue-files.js';
import { catalogueVersion } from '../../src/core/learning/catalogue-version.js';
import type { DiagnosisRecord } from '../../src/core/learning/records.js';
import { createTemplater, type Templater } from '../../src/core/learning/template.js';
import { vocabularyOf } from '../../src/core/learning/vocabulary.js';

/** What the app records for a paste: the shipped catalogue's templater and version. */
export interface Recorder {
  readonly templater: Templater;
  readonly version: string;
  /** A diagnosis of `paste` as the app records it (masked text and template from the templater). */
  readonly record: (
    id: string,
    paste: string,
    over?: Partial<Omit<DiagnosisRecord, 'maskedText' | 'template' | 'templateId'>>,
  ) => DiagnosisRecord;
}

export async function shippedRecorder(): Promise<Recorder> {
  const catalogue = await loadCatalogue();
  const templater = createTemplater(vocabularyOf(catalogue));
  const version = catalogueVersion(catalogue);
  return {
    templater,
    version,
    record: (id, paste, over = {}) => {
      const t = templater.templateOf(paste);
      return diagnosisRecord(id, {
        time: new Date().toISOString(),
        catalogueVersion: version,
        maskedText: t.maskedText,
        template: t.template,
        templateId: t.templateId,
        ...over,
      });
    },
  };
}

type Given = Pick<DiagnosisRecord, 'time' | 'catalogueVersion'> & Partial<DiagnosisRecord>;

/** A channel paste by U1 in T1 that got no answer, with what the test gives. */
export function diagnosisRecord(id: string, given: Given): DiagnosisRecord {
  return {
    id,
    team: 'T1',
    user: 'U1',
    surface: 'channel',
    entryId: null,
    confidence: 0,
    answered: false,
    ...given,
  };
}
