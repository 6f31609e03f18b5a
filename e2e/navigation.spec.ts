import { expect, test, type Page } from '@playwright/test';
import { Masa } from './support/masa.js';
import { people } from './support/fixtures.js';
import { expectNoSidewaysScroll } from './support/registry.js';

const areas = (page: Page) => page.getByRole('navigation', { name: 'Areas of MASA' });

test('a member finds every area in the navigation, and the area and page they are on are marked', async ({
  page,
}) => {
  const masa = new Masa(page);
  await masa.signIn(people.member.email);
  await expect(areas(page).getByRole('link')).toHaveText([
    'Home',
    'Governance',
    'Meetings',
    'Actions',
    'Case reviews',
    'Your account',
  ]);
  await expect(areas(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

  await masa.follow('Case reviews');
  await expect(areas(page).getByRole('link', { name: 'Case reviews' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const reviewPages = page.getByRole('navigation', { name: 'Case reviews pages' });
  await reviewPages.getByRole('link', { name: 'Figures' }).click();
  await masa.checkAccessible();
  await expect(masa.heading()).toHaveText('Case review figures for the yearly report');
  await expect(reviewPages.getByRole('link', { name: 'Figures' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(areas(page).getByRole('link', { name: 'Case reviews' })).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the areas fold behind a Menu button and the area’s pages wrap to fit', async ({ page }) => {
    const masa = new Masa(page);
    await masa.signIn(people.member.email);
    await masa.visit('/governance');
    const menu = areas(page).getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(areas(page).getByRole('link', { name: 'Meetings' })).toBeHidden();
    await menu.click();
    await expect(areas(page).getByRole('link', { name: 'Meetings' })).toBeVisible();
    await masa.checkAccessible();
    const governancePages = page.getByRole('navigation', { name: 'Governance pages' });
    await expect(governancePages.getByRole('link', { name: 'Membership matrix' })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('every area is listed, with no Menu button to press', async ({ page }) => {
    const masa = new Masa(page, { javaScript: false });
    await masa.signIn(people.memberWithoutJavaScript.email);
    await masa.visit('/actions');
    await expect(areas(page).getByRole('link', { name: 'Case reviews' })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Actions pages' })
        .getByRole('link', { name: 'My actions' }),
    ).toBeVisible();
  });
});
