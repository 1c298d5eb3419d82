import { rng } from './generate-catalogue.js';

const ERROR_LINES = [
  'POST https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}',
  'HTTP/1.1 401 Unauthorized {"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]} Login Audit Trail detail: AccessTokenExpired',
  'WWW-Authenticate: Bearer error="insufficient_scope", error_description="The request requires higher privileges"',
];

const NOISE_LINES = [
  '2025-10-01 03:00:01.402 INFO  [main] c.l.export.Main : token acquired, 4 worker threads',
  '    at com.acme.sync.TokenClient.refresh(TokenClient.java:118)',
  'request_id=4f1c2a9e-07b3-4d58-9e6f-2a1b3c4d5e6f trace=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  '2025-10-01 03:00:02.377 DEBUG [ledger-export-2] c.l.export.JournalReader : subsidiary 3: 12,904 lines',
  'Caused by: java.io.IOException: Server returned HTTP response code: 401 for URL: https://7654321-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/journalEntry',
];

/** A realistic paste of about `bytes` bytes: log noise and stack frames around one auth error. */
export function makePaste(bytes: number, seed = 1): string {
  const random = rng(seed);
  const error = ERROR_LINES[Math.floor(random() * ERROR_LINES.length)] ?? '';
  if (bytes <= 160) return error.slice(0, bytes);
  const lines: string[] = [];
  let size = error.length;
  while (size < bytes) {
    const line = NOISE_LINES[Math.floor(random() * NOISE_LINES.length)] ?? '';
    lines.push(line);
    size += line.length + 1;
  }
  lines.splice(Math.floor(lines.length / 2), 0, error);
  return lines.join('\n').slice(0, bytes);
}
