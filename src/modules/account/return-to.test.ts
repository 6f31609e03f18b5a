import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './account.routes.js';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnTo('/admin/audit?action=x')).toBe('/admin/audit?action=x');
  });

  it.each([
    '//evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '',
    42,
    undefined,
  ])('sends %j home instead', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
