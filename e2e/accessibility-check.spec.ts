import { expect, test } from '@playwright/test';
import { violationsOf, violationsWithoutScripts } from './support/masa.js';

const broken =
  '<html lang="en"><head><title>Broken</title></head><body><main><img src="data:,"><input type="text"></main></body></html>';

test('the accessibility check finds violations when there are some', async ({ page }) => {
  await page.setContent(broken);
  const violations = await violationsOf(page);
  expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
  expect(violations.some((v) => v.startsWith('label'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the check of a page shown without JavaScript sees that page', async ({ page }) => {
    // A made-up address answered here, so MASA is not involved and nothing leaves the machine.
    const address = 'http://broken.invalid/page';
    await page.route(address, (route) =>
      route.fulfill({ body: broken, contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto(address);
    const violations = await violationsWithoutScripts(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('label'))).toBe(true);
  });
});
