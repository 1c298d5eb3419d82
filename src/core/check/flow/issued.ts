import type { HttpResult } from './transport.js';

/** Tokens a token endpoint issued: kept out of every answer the interpreters read. */
export interface Issued {
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
}

type Response = Extract<HttpResult, { kind: 'response' }>;

/** An answer as the check reads it: masked headers and body, and the tokens it issued. */
export type Answer =
  (Response & { readonly issued: Issued }) | Extract<HttpResult, { kind: 'failure' }>;

/**
 * Issued tokens from a 2xx JSON body that has already been scrubbed of what was sent, so a refresh
 * token sent and given back unchanged reads as the mask and is not taken for a new one.
 */
export function readIssued(body: string, mask: string): Issued {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const take = (key: string): string | undefined => {
    const v = record[key];
    return typeof v === 'string' && v !== '' && v !== mask ? v : undefined;
  };
  const accessToken = take('access_token');
  const refreshToken = take('refresh_token');
  const idToken = take('id_token');
  return {
    ...(accessToken === undefined ? {} : { accessToken }),
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(idToken === undefined ? {} : { idToken }),
  };
}
