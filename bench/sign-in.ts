/** Signs in over real HTTP, as a browser would, and keeps the cookies for the load runs. */
import * as cheerio from 'cheerio';

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const equals = pair.indexOf('=');
      if (equals < 1) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = /max-age=0(;|$)/i.test(line) || /expires=thu, 01 jan 1970/i.test(line);
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string) {
    return this.cookies.has(name);
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export class Browser {
  readonly jar = new CookieJar();

  constructor(private readonly origin: string) {}

  async get(path: string) {
    const response = await fetch(new URL(path, this.origin), {
      headers: { cookie: this.jar.header(), accept: 'text/html' },
      redirect: 'manual',
    });
    this.jar.store(response);
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  }

  async post(path: string, fields: Record<string, string>) {
    const response = await fetch(new URL(path, this.origin), {
      method: 'POST',
      headers: {
        cookie: this.jar.header(),
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.jar.store(response);
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
  }

  /** GETs a page with a form and posts it back with the form's CSRF token. */
  async submit(path: string, fields: Record<string, string>) {
    const page = await this.get(path);
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
    const token = cheerio.load(page.html)('input[name=_csrf]').attr('value');
    if (!token) throw new Error(`no CSRF token on ${path}`);
    return this.post(path, { ...fields, _csrf: token });
  }
}

/** Signs in and, when a code function is given, passes the second factor; returns the browser. */
export async function signIn(
  origin: string,
  person: { email: string; password: string },
  code?: () => Promise<string>,
) {
  const browser = new Browser(origin);
  const first = await browser.submit('/sign-in', {
    email: person.email,
    password: person.password,
    returnTo: '/',
  });
  const expected = code ? '/sign-in/code' : '/';
  if (first.status !== 303 || first.location !== expected || !browser.jar.has('masa_session'))
    throw new Error(
      `signing in ${person.email} answered ${first.status} to ${first.location ?? 'nowhere'}`,
    );
  if (code) {
    const second = await browser.submit('/sign-in/code', { code: await code() });
    if (second.status !== 303 || second.location !== '/')
      throw new Error(`the security code for ${person.email} answered ${second.status}`);
  }
  return browser;
}
