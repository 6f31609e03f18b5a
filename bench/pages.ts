/** What the benchmark measures: the main pages, the three baselines, and the other pages. */
import { BenchOptionError } from './options.js';

export type Visitor = 'anyone' | 'member' | 'administrator' | 'api client';

export interface Page {
  name: string;
  /** With placeholders (`{body}` …) for records of the loaded data. */
  path: string;
  as: Visitor;
  /** Text the answer must contain, checked before any load, so a wrong page is not measured. */
  expect: string;
}

/** The pages the targets apply to, measured with one large partnership and with many. */
export const MAIN_PAGES: Page[] = [
  { name: 'Home dashboard', path: '/dashboard', as: 'member', expect: 'id="next-meetings"' },
  { name: 'Actions, overdue', path: '/actions?overdue=yes', as: 'member', expect: 'Actions</' },
  { name: "A body's page", path: '/bodies/{body}', as: 'member', expect: 'id="quorum"' },
  { name: "A meeting's page", path: '/meetings/{meeting}', as: 'member', expect: 'id="agenda"' },
  { name: 'Case dashboard', path: '/reviews', as: 'member', expect: 'Open cases' },
  {
    name: 'Audit trail, first page',
    path: '/admin/audit',
    as: 'administrator',
    expect: 'Events, newest first',
  },
  { name: 'API: actions', path: '/api/v1/actions', as: 'api client', expect: '"items"' },
];

export const STATIC_BASELINE: Page = {
  name: 'Baseline: static page',
  path: '/bench/static?bytes={bytes}',
  as: 'anyone',
  expect: '<title>Static</title>',
};

export const ONE_QUERY_BASELINE: Page = {
  name: 'Baseline: one indexed query',
  path: '/bench/one-query?partnership={partnership}&agency={agency}',
  as: 'anyone',
  expect: '<h1>',
};

/** The one-query baseline for a signed-in member: what every signed-in page pays first. */
export const SIGNED_IN_BASELINE: Page = {
  name: 'Baseline: signed in, one query',
  path: '/bench/signed-in?agency={agency}',
  as: 'member',
  expect: '<h1>',
};

/** Measured once, with the large partnership, in a full run: the rest of MASA's pages. */
export const OTHER_PAGES: Page[] = [
  { name: 'Health', path: '/health', as: 'anyone', expect: '"status":"ok"' },
  { name: 'Sign in', path: '/sign-in', as: 'anyone', expect: 'Sign in to MASA' },
  { name: 'Home', path: '/', as: 'member', expect: 'Welcome, Bench Member' },
  { name: 'Bodies', path: '/bodies', as: 'member', expect: 'Bodies</caption>' },
  { name: 'People search', path: '/people?q=a', as: 'member', expect: 'People</caption>' },
  {
    name: 'Governance structure',
    path: '/governance/structure',
    as: 'member',
    expect: 'Governance structure',
  },
  {
    name: 'Membership matrix',
    path: '/governance/matrix',
    as: 'member',
    expect: 'Membership matrix',
  },
  { name: 'Meetings', path: '/meetings', as: 'member', expect: 'Meetings</caption>' },
  { name: 'All actions', path: '/actions', as: 'member', expect: 'Actions</' },
  { name: 'A case', path: '/reviews/{case}', as: 'administrator', expect: 'id="deadlines"' },
  { name: 'API: bodies', path: '/api/v1/bodies', as: 'api client', expect: '"items"' },
  {
    name: 'API: a meeting',
    path: '/api/v1/meetings/{meeting}',
    as: 'api client',
    expect: '"quorum"',
  },
  { name: 'API: cases', path: '/api/v1/cases', as: 'api client', expect: '"items"' },
];

/** Fills a page's placeholders from the loaded data's ids. */
export function resolvePath(page: Page, values: Record<string, string | number>) {
  return page.path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${page.name}: nothing to fill ${whole} with`);
    return String(value);
  });
}

const matching = (pages: Page[], only: string | null) =>
  only === null
    ? pages
    : pages.filter((page) => page.name.includes(only) || page.path.includes(only));

/**
 * The pages a run measures: every main page, and every other page in a full run; with
 * `--only`, those whose name or path contains it. Refused before anything starts when that
 * leaves nothing to measure.
 */
export function choosePages(options: { only: string | null; quick: boolean }) {
  const main = matching(MAIN_PAGES, options.only);
  const other = options.quick ? [] : matching(OTHER_PAGES, options.only);
  if (main.length + other.length > 0) return { main, other };
  const onlyInFullRuns = options.quick && matching(OTHER_PAGES, options.only).length > 0;
  throw new BenchOptionError(
    onlyInFullRuns
      ? `--only "${options.only}" matches only pages that full runs measure; leave out --quick`
      : `--only "${options.only}" matches no page's name or path; the pages are: ${[...MAIN_PAGES, ...OTHER_PAGES].map((page) => page.name).join(', ')}`,
  );
}
