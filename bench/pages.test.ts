import { describe, expect, it } from 'vitest';
import { BenchOptionError } from './options.js';
import { choosePages, MAIN_PAGES, OTHER_PAGES } from './pages.js';

const names = (pages: { name: string }[]) => pages.map((page) => page.name);

describe('the pages a run measures', () => {
  it('are every main page, and the other pages in a full run only', () => {
    expect(choosePages({ only: null, quick: false })).toEqual({
      main: MAIN_PAGES,
      other: OTHER_PAGES,
    });
    expect(choosePages({ only: null, quick: true })).toEqual({ main: MAIN_PAGES, other: [] });
  });

  it('with --only, are those whose name or path contains it, main or other', () => {
    const meeting = choosePages({ only: 'meeting', quick: false });
    expect(names(meeting.main)).toEqual(["A meeting's page"]);
    expect(names(meeting.other)).toEqual(['Meetings', 'API: a meeting']);
    const aCase = choosePages({ only: 'A case', quick: false });
    expect(aCase).toEqual({
      main: [],
      other: [OTHER_PAGES.find((page) => page.name === 'A case')],
    });
  });

  it('refuses --only that leaves nothing to measure, before anything starts', () => {
    expect(() => choosePages({ only: 'no such page', quick: false })).toThrow(BenchOptionError);
    expect(() => choosePages({ only: 'no such page', quick: false })).toThrow(
      `--only "no such page" matches no page's name or path; the pages are: Home dashboard,`,
    );
    expect(() => choosePages({ only: 'A case', quick: true })).toThrow(
      '--only "A case" matches only pages that full runs measure; leave out --quick',
    );
  });
});
