/** One response a browser got, before following its redirect. */
export interface Hop {
  readonly url: string;
  readonly status: number;
  readonly location: string | undefined;
  readonly text: string;
  readonly headers: Headers;
}

/**
 * A browser for the install flow: follows redirects itself (recording each hop) and keeps cookies
 * per host name (ports share them, as in browsers), as a person's browser would; `Secure` cookies
 * are kept on loopback http, like browsers treat localhost.
 */
export class Browser {
  readonly #cookies = new Map<string, Map<string, string>>();

  /** GETs `url` and follows up to 5 redirects; the last hop is the page shown. */
  async visit(url: string): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | undefined = url;
    while (next !== undefined && hops.length < 6) {
      const hop = await this.get(next);
      hops.push(hop);
      next = hop.location === undefined ? undefined : new URL(hop.location, next).toString();
    }
    return hops;
  }

  /** One GET, without following a redirect. */
  async get(url: string): Promise<Hop> {
    const host = new URL(url).hostname;
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      redirect: 'manual',
      headers: cookie === '' ? {} : { cookie },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    this.#cookies.set(host, jar);
    return {
      url,
      status: res.status,
      location: res.headers.get('location') ?? undefined,
      text: await res.text(),
      headers: res.headers,
    };
  }

  cookie(hostname: string, name: string): string | undefined {
    return this.#cookies.get(hostname)?.get(name);
  }
}
