import * as cheerio from 'cheerio';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../app.js';
import { totpNow, type FixtureUser } from './fixtures.js';

export interface Page {
  status: number;
  headers: LightMyRequestResponse['headers'];
  body: string;
  /** The bytes as sent: `body` is them read as UTF-8, which a binary download is not. */
  raw: Buffer;
  $: cheerio.CheerioAPI;
  location: string | undefined;
}

/**
 * A cookie-keeping client over app.inject, as a browser without JavaScript would be:
 * it reads the CSRF token from the form it was shown and sends it back.
 */
export class Agent {
  private cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() < Date.now()) ||
        cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request(options: InjectOptions): Promise<Page> {
    const response = await this.app.inject({
      ...options,
      cookies: Object.fromEntries(this.cookies),
    });
    this.remember(response);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
      raw: response.rawPayload,
      $: cheerio.load(response.body),
      location: response.headers.location as string | undefined,
    };
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** The token of the first form on the page at `from` (or the page itself when given). */
  async csrfTokenFrom(from: string) {
    const page = await this.get(from);
    const token = page.$('input[name="_csrf"]').first().val();
    if (typeof token !== 'string')
      throw new Error(`No CSRF token on ${from} (status ${page.status})`);
    return token;
  }

  /** Submits a form as a browser would, taking the CSRF token from the page it came from. */
  async submit(url: string, fields: Record<string, string | string[]>, from = url) {
    const token = await this.csrfTokenFrom(from);
    return this.post(url, { ...fields, _csrf: token });
  }

  /**
   * Submits a multipart form (fields and files, e.g. a `Blob` or `File`) as a browser would,
   * with the CSRF token from the page it came from; `FormData` writes the boundaries.
   */
  async submitMultipart(url: string, fields: Record<string, string | Blob>, from = url) {
    const form = new FormData();
    form.append('_csrf', await this.csrfTokenFrom(from));
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const encoded = new Request('http://agent.test', { method: 'POST', body: form });
    return this.request({
      method: 'POST',
      url,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')! },
    });
  }

  post(url: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const one of [value].flat()) body.append(name, one);
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Signs in, giving the code for `at`: the app's clock, when a test has set one. */
  async signIn(user: Pick<FixtureUser, 'email' | 'password' | 'totpSecret'>, at = new Date()) {
    const page = await this.submit('/sign-in', { email: user.email, password: user.password });
    if (page.status !== 303)
      throw new Error(
        `Sign-in failed with ${page.status}: ${page.$('.govuk-error-summary').text()}`,
      );
    if (user.totpSecret) {
      const code = await this.submit('/sign-in/code', { code: await totpNow(user.totpSecret, at) });
      if (code.status !== 303) throw new Error(`Code refused with ${code.status}`);
    }
    return page;
  }
}

export const text = (page: Page, selector: string) =>
  page.$(selector).text().replace(/\s+/g, ' ').trim();
