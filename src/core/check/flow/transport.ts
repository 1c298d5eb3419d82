/** The one port a check needs from the outside: send one request, get an answer or a network failure. */

export interface HttpRequestSpec {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type NetworkReason =
  'dns' | 'refused' | 'timeout' | 'tls' | 'blocked' | 'too-large' | 'reset' | 'other';

export type HttpResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly kind: 'failure'; readonly reason: NetworkReason; readonly detail: string };

export type Transport = (request: HttpRequestSpec) => Promise<HttpResult>;
