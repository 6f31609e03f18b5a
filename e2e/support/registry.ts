import { expect, type Locator, type Page } from '@playwright/test';
import type { Masa } from './masa.js';

/** Signs an MFA user in with their password and a fresh code. */
export async function signInWithCode(masa: Masa, person: { email: string; totpSecret: string }) {
  await masa.signIn(person.email);
  await masa.enterCode(person.totpSecret);
}

/** Finds a registry record by name through its list's search, and opens its page. */
export async function openRecord(
  masa: Masa,
  list: '/agencies' | '/people' | '/bodies',
  name: string,
) {
  await masa.visit(`${list}?${new URLSearchParams({ q: name, show: 'all' })}`);
  await masa.follow(name);
  await expect(masa.heading()).toHaveText(name);
}

/**
 * A page with errors is loaded with the GOV.UK error summary focused (GOV.UK Frontend's
 * script moves focus there), and each message links to its own field.
 */
export async function expectErrorSummary(masa: Masa, messages: string[]) {
  await expect(masa.errorSummary()).toBeFocused();
  await expect(masa.errorSummary().getByRole('link')).toHaveText(messages);
  await expect(masa.page).toHaveTitle(/^Error: /);
}

/** Choosing a message in the error summary puts the focus in its field. */
export async function expectLinkFocuses(masa: Masa, message: string, field: Locator) {
  await masa.errorSummary().getByRole('link', { name: message }).click();
  await expect(field).toBeFocused();
}

/**
 * The page body is no wider than the viewport: only table and chart regions may scroll
 * sideways. On failure, the message names the elements that stick out.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const found = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    // Inside a scrolling region only what is placed outside its flow can widen the page.
    const escapes = (element: Element) =>
      !element.closest('.masa-table-scroll, .masa-chart-scroll') ||
      ['absolute', 'fixed'].includes(getComputedStyle(element).position);
    const outside = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5)
      .filter(escapes)
      .map((element) => {
        const name = element.id ? `#${element.id}` : `.${[...element.classList].join('.')}`;
        return `${element.tagName.toLowerCase()}${name}`;
      });
    return { page: document.documentElement.scrollWidth, viewport, outside };
  });
  expect(
    found.page,
    `page wider than the screen at ${page.url()}: ${found.outside.slice(0, 5).join(', ')}`,
  ).toBeLessThanOrEqual(found.viewport);
}

/** The success banner MASA shows after a change. */
export const banner = (page: Page) => page.locator('.govuk-notification-banner');

/** Today as MASA writes dates, like 27 November 2026. */
export const ukToday = () =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date());
