import { expect, test } from '@playwright/test';
import { Masa } from './support/masa.js';
import { registry, registryAdmins } from './support/fixtures.js';
import { expectNoSidewaysScroll, openRecord, signInWithCode } from './support/registry.js';

const { agencies, bodies, people } = registry;

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the registry lists and record pages fit the screen; wide tables scroll in their own region', async ({
  page,
}) => {
  test.slow(); // nine pages, each checked with axe
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.onPhone);

  for (const path of ['/governance', '/agencies', '/agencies?page=2', '/people', '/bodies']) {
    await masa.visit(path);
    await expectNoSidewaysScroll(page);
  }

  await openRecord(masa, '/bodies', bodies.forum);
  await expectNoSidewaysScroll(page);
  // The members table is wider than the phone: it scrolls inside its region, not the page.
  const members = page.getByRole('region', { name: 'Members' });
  await expect(members).toHaveAttribute('tabindex', '0');
  const region = await members.evaluate((element) => ({
    content: element.scrollWidth,
    shown: element.clientWidth,
    overflow: getComputedStyle(element).overflowX,
  }));
  expect(region.overflow).toBe('auto');
  expect(region.content).toBeGreaterThan(region.shown);

  await page
    .getByRole('link', { name: `View membership of Helen Ward on ${bodies.forum}` })
    .click();
  await masa.checkAccessible();
  await expectNoSidewaysScroll(page);

  await openRecord(masa, '/agencies', agencies.police);
  await expectNoSidewaysScroll(page);
  await openRecord(masa, '/people', people.member.fullName);
  await expectNoSidewaysScroll(page);
  await openRecord(masa, '/bodies', bodies.practice);
  await masa.follow(`Change the quorum rule for ${bodies.practice}`);
  await expectNoSidewaysScroll(page);
});
