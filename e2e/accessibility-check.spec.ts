import { expect, test } from '@playwright/test';
import { violationsOf } from './support/masa.js';

test('the accessibility check finds violations when there are some', async ({ page }) => {
  await page.setContent(
    '<html><head><title>Broken</title></head><body><main><img src="/x.png"><input type="text"></main></body></html>',
  );
  const violations = await violationsOf(page);
  expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
  expect(violations.some((v) => v.startsWith('label'))).toBe(true);
});
