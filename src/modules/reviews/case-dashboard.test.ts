import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { reviewCase } from '../../db/schema/index.js';
import { text, type Page } from '../../testing/agent.js';
import { CASES_PAGE_SIZE, urgencyCountText } from './case-dashboard.service.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, notifiedCase, clock, context, database, services, fixtures } = bed;

/** Each row of the case table: its reference, all its text, and its status tag. */
const rowsOf = (page: Page) =>
  page
    .$('#cases tbody tr')
    .map((_index, row) => ({
      reference: page.$(row).find('td').first().contents().first().text().trim(),
      cells: page.$(row).text().replace(/\s+/g, ' ').trim(),
      status: page.$(row).find('td').last().text().trim(),
    }))
    .get();

const referencesOf = (page: Page) => rowsOf(page).map((row) => row.reference);

async function closeCase(id: string) {
  await inTenant(database.app.db, context, (tx) =>
    tx
      .update(reviewCase)
      .set({ closedAt: clock.now(), closeReason: 'No further review needed' })
      .where(eq(reviewCase.id, id)),
  );
}

/** A recommendation of the case with an action in the partnership's action log. */
async function recommendWithAction(caseId: string) {
  const police = await fixtures.agency({ name: 'Northshire Police' });
  const owner = await fixtures.person(police);
  const added = await services.reviews.recommendations.add(context, caseId, {
    text: 'Agencies should check who lives in the household at every visit.',
    agencyIds: [police],
    version: undefined,
  });
  if (!added?.ok) throw new Error('Fixture refused the recommendation');
  const action = await services.reviews.recommendations.addAction(context, caseId, added.value.id, {
    title: 'Brief every neighbourhood team on household checks',
    ownerPersonId: owner,
    dueOn: '2026-12-18',
  });
  if (!action?.ok) throw new Error('Fixture refused the action');
}

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('the count summary', () => {
  it('says how many cases are overdue, due soon and on track, in words', () => {
    expect(urgencyCountText({ overdue: 2, due_soon: 1, on_track: 0 })).toBe(
      '2 overdue, 1 due within 3 working days, 0 on track',
    );
  });
});

describe('searching and filtering cases', () => {
  it('finds cases by part of their reference, taking % and _ literally', async () => {
    await notifiedCase({ reference: 'LK-2026-001' });
    await notifiedCase({ reference: 'LK-2026_002' });
    const found = await agent.get('/reviews?q=lk-2026');
    expect(found.status).toBe(200);
    expect(referencesOf(found).sort()).toEqual(['LK-2026-001', 'LK-2026_002']);
    expect(found.$('#q').val()).toBe('lk-2026');
    expect(referencesOf(await agent.get('/reviews?q=LK-2026_'))).toEqual(['LK-2026_002']);
    const wildcard = await agent.get(`/reviews?q=${encodeURIComponent('%')}`);
    expect(referencesOf(wildcard)).toEqual([]);
    expect(text(wildcard, 'main')).toContain('No cases match these filters');
  });

  it("searches references only, never a child's details, even for the case team", async () => {
    const { id } = await notifiedCase({ reference: 'NM-2026-001' });
    expect((await agent.get(`/reviews/${id}`)).body).toContain(FICTIONAL_CHILD.childName);
    for (const detail of [FICTIONAL_CHILD.childName, 'Quillfeather', FICTIONAL_CHILD.nhsNumber]) {
      const page = await agent.get(`/reviews?q=${encodeURIComponent(detail)}`);
      expect(referencesOf(page), detail).toEqual([]);
    }
  });

  it('filters by stage, and shows closed cases only when asked', async () => {
    const told = '2026-11-25';
    const underReview = await notifiedCase({
      reference: 'ST-2026-001',
      awareOn: '2026-11-24',
      panelNotifiedOn: told,
      ofstedNotifiedOn: told,
      partnersNotifiedOn: told,
    });
    await services.reviews.rapidReviews.start(context, underReview.id);
    await notifiedCase({ reference: 'ST-2026-002' });
    const closed = await notifiedCase({ reference: 'ST-2026-003' });
    await closeCase(closed.id);

    const rapid = await agent.get('/reviews?q=ST-2026&stage=rapid_review');
    expect(referencesOf(rapid)).toEqual(['ST-2026-001']);
    expect(rapid.$('#stage option[selected]').val()).toBe('rapid_review');
    expect(rowsOf(rapid)[0]!.cells).toContain('Rapid review');
    expect(rowsOf(rapid)[0]!.cells).toContain('Send the rapid review to the Panel');

    expect(referencesOf(await agent.get('/reviews?q=ST-2026')).sort()).toEqual([
      'ST-2026-001',
      'ST-2026-002',
    ]);
    const onlyClosed = await agent.get('/reviews?q=ST-2026&show=closed');
    expect(referencesOf(onlyClosed)).toEqual(['ST-2026-003']);
    expect(rowsOf(onlyClosed)[0]!.cells).toContain('Closed');
    expect(text(onlyClosed, 'caption')).toBe('Closed cases');
    const everything = await agent.get('/reviews?q=ST-2026&show=all');
    expect(referencesOf(everything).sort()).toEqual(['ST-2026-001', 'ST-2026-002', 'ST-2026-003']);
    // The closed case has no clock left, so it comes after every open one.
    expect(referencesOf(everything).at(-1)).toBe('ST-2026-003');
  });

  it('ignores filters it cannot read rather than failing', async () => {
    const page = await agent.get('/reviews?stage=nonsense&show=everything&page=minus-one');
    expect(page.status).toBe(200);
    expect(page.$('#show option[selected]').val()).toBe('open');
  });
});

describe('who sees what on the list', () => {
  it('links a case only for its team; everyone else sees the reference, stage and clock', async () => {
    const { id } = await notifiedCase({ reference: 'TM-2026-001' });
    const mine = await agent.get('/reviews?q=TM-2026');
    expect(mine.$(`#cases a[href="/reviews/${id}"]`).text()).toBe('TM-2026-001');
    const theirs = await outsiderAgent.get('/reviews?q=TM-2026');
    expect(referencesOf(theirs)).toEqual(['TM-2026-001']);
    expect(theirs.$('#cases a').length).toBe(0);
    expect(rowsOf(theirs)[0]!.cells).toContain('Notify the national Panel');
    expect(theirs.$('a[href="/reviews/new"]').length).toBe(1);
    expect((await outsiderAgent.get(`/reviews/${id}`)).status).toBe(404);
  });
});

describe('paging', () => {
  it(`shows ${CASES_PAGE_SIZE} cases to a page, with links to the rest`, async () => {
    for (let number = 1; number <= CASES_PAGE_SIZE + 1; number += 1)
      await notifiedCase({ reference: `PG-2026-${String(number).padStart(3, '0')}` });
    const first = await agent.get('/reviews?q=PG-2026');
    expect(rowsOf(first)).toHaveLength(CASES_PAGE_SIZE);
    expect(text(first, 'main')).toContain(`${CASES_PAGE_SIZE + 1} results`);
    // The counts are of every case matched, not of the page shown.
    expect(text(first, '#urgency-counts')).toContain(`${CASES_PAGE_SIZE + 1} due within`);
    const next = first.$('.govuk-pagination__next a').attr('href');
    expect(next).toBe('/reviews?q=PG-2026&page=2');
    const second = await agent.get(next!);
    expect(referencesOf(second)).toEqual(['PG-2026-051']);
  });
});

describe('the CSV export', () => {
  it('has the reference, kind, stage and clock of each case, and nothing else', async () => {
    await notifiedCase({ reference: 'CSV-2026-001', awareOn: '2026-11-16' });
    await notifiedCase({ reference: '=HYPERLINK("http://bad.example")' });
    const response = await agent.get('/reviews.csv?q=CSV-2026');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="case-reviews.csv"');
    expect(csvLines(response.body)).toEqual([
      'Reference,Kind,Stage,Next deadline,Due,Working days left,Status',
      'CSV-2026-001,Serious incident,Serious incident notification,Notify the national Panel,2026-11-23,-4,Overdue',
    ]);
    const formula = await agent.get(`/reviews.csv?q=${encodeURIComponent('HYPERLINK')}`);
    expect(csvLines(formula.body)[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/bad\.example""\)"/);
  });

  it('is linked from the list with the same filters', async () => {
    const page = await agent.get('/reviews?q=CSV-2026&stage=notification&page=1');
    expect(page.$('a[href^="/reviews.csv"]').attr('href')).toBe(
      '/reviews.csv?q=CSV-2026&stage=notification',
    );
  });
});

describe('a user outside the case team', () => {
  it("cannot see a child's name anywhere: pages, search, exports, figures, dashboard and API", async () => {
    const { id, reference } = await notifiedCase({ reference: 'PRIV-2026-001' });
    const name = FICTIONAL_CHILD.childName;
    const surname = name.split(' ').at(-1)!;
    // The team sees it, so its absence below is the team rule working, not a missing record.
    expect((await agent.get(`/reviews/${id}`)).body).toContain(name);
    await recommendWithAction(id);

    const urls = [
      '/reviews',
      '/reviews?show=all',
      `/reviews?q=${encodeURIComponent(reference)}`,
      '/reviews.csv',
      `/reviews.csv?q=${encodeURIComponent(reference)}`,
      '/reviews/figures',
      '/reviews/figures.csv',
      '/dashboard',
      '/api/v1/cases',
      `/api/v1/cases/${id}`,
      `/reviews/${id}`,
      `/reviews/${id}/team`,
      '/actions',
      '/actions.csv',
    ];
    for (const url of urls) {
      const page = await outsiderAgent.get(url);
      expect(page.status, url).toBeLessThan(500);
      expect(page.body, url).not.toContain(name);
      expect(page.body, url).not.toContain(surname);
      expect(page.body, url).not.toContain(FICTIONAL_CHILD.nhsNumber);
    }
    expect((await outsiderAgent.get(`/api/v1/cases/${id}`)).status).toBe(404);
    // The case's action is in the log everyone reads, by the case's reference only.
    expect((await outsiderAgent.get('/actions')).body).toContain(reference);

    // A search for the name finds nothing; the only place the name appears is the search
    // box echoing what the outsider typed.
    for (const typed of [name, surname]) {
      const search = await outsiderAgent.get(`/reviews?q=${encodeURIComponent(typed)}`);
      expect(referencesOf(search)).toEqual([]);
      search.$('#q').removeAttr('value');
      search.$('a[href*="q="]').removeAttr('href');
      expect(search.$.html(), typed).not.toContain(typed);
      const csv = await outsiderAgent.get(`/reviews.csv?q=${encodeURIComponent(typed)}`);
      expect(csvLines(csv.body)).toHaveLength(1);
    }
  });
});

describe('ordering by urgency', () => {
  it('puts overdue cases first, then those due within 3 working days, then on track, each by due date', async () => {
    // Friday 27 November 2026: the notification clock is 5 working days from awareness.
    await notifiedCase({ reference: 'OR-A', awareOn: '2026-11-27' }); // due 4 Dec
    await notifiedCase({ reference: 'OR-B', awareOn: '2026-11-23' }); // due 30 Nov
    await notifiedCase({ reference: 'OR-C', awareOn: '2026-11-16' }); // due 23 Nov
    await notifiedCase({ reference: 'OR-D', awareOn: '2026-11-09' }); // due 16 Nov
    await notifiedCase({ reference: 'OR-E', awareOn: '2026-11-25' }); // due 2 Dec
    const told = '2026-11-25';
    await notifiedCase({
      reference: 'OR-F',
      awareOn: '2026-11-24',
      panelNotifiedOn: told,
      ofstedNotifiedOn: told,
      partnersNotifiedOn: told,
    }); // rapid review due 16 Dec

    const now = await agent.get('/reviews?q=OR-');
    expect(rowsOf(now).map((row) => [row.reference, row.status])).toEqual([
      ['OR-D', 'Overdue'],
      ['OR-C', 'Overdue'],
      ['OR-B', 'Due within 3 working days'],
      ['OR-E', 'Due within 3 working days'],
      ['OR-A', 'On track'],
      ['OR-F', 'On track'],
    ]);
    expect(text(now, '#urgency-counts')).toBe('2 overdue, 2 due within 3 working days, 2 on track');
    expect(rowsOf(now)[2]!.cells).toContain('30 November 2026 1 working day left');

    // Tuesday 1 December: 30 November has passed and 4 December is 3 working days away.
    clock.set('2026-12-01T09:00:00Z');
    await agent.signIn(bed.admin, clock.now());
    const later = await agent.get('/reviews?q=OR-');
    expect(referencesOf(later)).toEqual(['OR-D', 'OR-C', 'OR-B', 'OR-E', 'OR-A', 'OR-F']);
    expect(text(later, '#urgency-counts')).toBe(
      '3 overdue, 2 due within 3 working days, 1 on track',
    );
    expect(rowsOf(later)[2]!.cells).toContain('1 working day late');
    expect(rowsOf(later)[4]!.cells).toContain('3 working days left Due within 3 working days');
  });
});
