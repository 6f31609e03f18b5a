import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { FIXTURE_PASSWORD } from './fixtures.js';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * WCAG 2.5.3 (label in name) is checked by a rule axe tags experimental, which withTags alone
 * skips: it is switched on by name, and every other experimental rule stays off.
 */
const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

/**
 * Documents this worker has already checked and found clean, by width and content: a
 * journey shows the same page more than once, and axe is most of a browser test's time. The
 * CSRF token and script nonces differ on every render, so they are left out of the key.
 */
const checkedClean = new Set<string>();

async function documentKey(page: Page) {
  const html = (await page.content())
    .replace(/(name="_csrf"[^>]*?value=")[^"]*"/g, '$1"')
    .replace(/nonce="[^"]*"/g, '');
  const width = page.viewportSize()?.width ?? 0;
  return `${width} ${createHash('sha256').update(html).digest('hex')}`;
}

export async function violationsOf(page: Page) {
  const key = await documentKey(page);
  if (checkedClean.has(key)) return [];
  const violations = await axeViolations(page);
  if (violations.length === 0) checkedClean.add(key);
  return violations;
}

async function axeViolations(page: Page) {
  // options() first: it replaces what withTags set. A rule enabled by name runs whatever its tags.
  const { violations } = await new AxeBuilder({ page })
    .options({
      rules: Object.fromEntries(EXPERIMENTAL_RULES.map((rule) => [rule, { enabled: true }])),
    })
    .withTags(WCAG_22_AA)
    .analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Every page a test reaches is checked against WCAG 2.2 AA with axe: zero violations. */
export async function expectAccessible(page: Page) {
  expect(await violationsOf(page), `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe runs as script, so a page shown with JavaScript off is checked in a second context that
 * runs scripts: it is given the very document the script-less page holds (MASA is not asked
 * for it again, so a page reached by a POST is checked as shown and no view is recorded
 * twice), loads MASA's stylesheet, and blocks MASA's scripts, so axe sees what a person
 * without JavaScript sees.
 */
export async function violationsWithoutScripts(page: Page) {
  const html = await page.content();
  const checker = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const twin = await checker.newPage();
    await twin.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest()) {
        return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
      }
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    await twin.goto(page.url());
    return await violationsOf(twin);
  } finally {
    await checker.close();
  }
}

async function expectAccessibleWithoutScripts(page: Page) {
  expect(
    await violationsWithoutScripts(page),
    `axe violations on ${page.url()} (as shown without JavaScript)`,
  ).toEqual([]);
}

/** A person using MASA in a browser; every page load is followed by the accessibility check. */
export class Masa {
  constructor(
    readonly page: Page,
    private readonly options: { javaScript: boolean } = { javaScript: true },
  ) {}

  async checkAccessible() {
    // After a plain click on a link the new document may be there before its stylesheet,
    // and axe would judge an unstyled page (touch targets, contrast).
    await this.page.waitForLoadState('load');
    return this.options.javaScript
      ? expectAccessible(this.page)
      : expectAccessibleWithoutScripts(this.page);
  }

  async visit(path: string) {
    await this.page.goto(path);
    await this.checkAccessible();
  }

  /** Clicks a button or link that loads another page, then checks that page. */
  async press(name: string) {
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name, exact: true }).click(),
    ]);
    await this.page.waitForLoadState('load');
    await this.checkAccessible();
  }

  async follow(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    await this.page.waitForLoadState('load');
    await this.checkAccessible();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async signIn(email: string, password = FIXTURE_PASSWORD) {
    await this.visit('/sign-in');
    await this.field('Email address').fill(email);
    await this.field('Password').fill(password);
    await this.press('Sign in');
  }

  async enterCode(secret: string) {
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
      'Enter your security code',
    );
    await this.field('Security code').fill(await generate({ secret }));
    await this.press('Continue');
  }

  async signOut() {
    await this.press('Sign out');
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Sign in to MASA');
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  errorSummary() {
    return this.page.locator('.govuk-error-summary');
  }
}
