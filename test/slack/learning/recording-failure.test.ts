import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBackend, type Backend } from '../../adapters/store/backends.js';
import { askCommand, shownId } from '../support/answer.js';
import { startHarness, waitForLog, type Harness } from '../support/harness.js';

describe('a store that cannot record', () => {
  let backend: Backend;
  let h: Harness;
  beforeAll(async () => {
    backend = await createBackend('sqlite');
    h = await startHarness({ backend });
    // The learning tables are gone (a botched migration, a full disk): every record fails.
    await backend.exec('DROP TABLE feedback; DROP TABLE diagnoses;');
  });
  afterAll(async () => {
    await h.stop();
    await backend.cleanup();
  });

  it('still answers, and logs the failed record at warn with who and where', async () => {
    const answer = await askCommand(
      h,
      'Login Audit Trail detail: TokenRejected for integration payroll-sync-4471',
    );
    expect(shownId(answer)).toBe('netsuite/TokenRejected');
    await waitForLog(h, /could not record a diagnosis/);
    const line = JSON.parse(h.logs.find((l) => l.includes('could not record a diagnosis'))!) as {
      level: number;
      surface: string;
      team: string;
      user: string;
      diagnosisId: string;
    };
    expect(line).toMatchObject({ level: 40, surface: 'command', team: 'T1', user: 'U123' });
    expect(line.diagnosisId).toMatch(/^[0-9a-f-]{36}$/);
    // Nor does the failure put the paste in the log.
    expect(h.logs.join('\n')).not.toContain('payroll-sync-4471');
  });
});
