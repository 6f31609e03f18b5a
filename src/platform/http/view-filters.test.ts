import { describe, expect, it } from 'vitest';
import { auditActionName, pageQuery } from './view-filters.js';

describe('view filters', () => {
  it('keeps the filters and replaces the page', () => {
    expect(pageQuery({ q: 'police', page: '2', show: '' }, 3)).toBe('q=police&page=3');
    expect(pageQuery(undefined, 1)).toBe('page=1');
  });

  it('names audit actions in words', () => {
    expect(auditActionName('membership.deputy_added')).toBe('Membership deputy added');
  });
});
