import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { rapidReview } from '../../db/schema/index.js';
import { text } from '../../testing/agent.js';
import { workingCalendar } from '../../platform/working-days.js';
import { DEFAULT_TIMESCALES } from '../calendar/timescales.js';
import type { CaseFacts, RapidReviewOutcome } from './case-progress.js';
import { reportingYear, reportingYearOf, yearFigures } from './figures.js';
import { reviewTestBed } from './review-fixtures.js';

const calendar = workingCalendar();
const incident = (values: Partial<CaseFacts>): CaseFacts => ({
  kind: 'serious_incident',
  awareOn: '2026-06-01',
  panelNotifiedOn: null,
  ofstedNotifiedOn: null,
  partnersNotifiedOn: null,
  closed: false,
  timescales: DEFAULT_TIMESCALES,
  rapidReview: null,
  practiceReview: null,
  ...values,
});
const decided = (outcome: RapidReviewOutcome | null, sentToPanelOn: string | null = null) => ({
  outcome,
  sentToPanelOn,
  panelResponseOn: null,
});

describe('reporting years', () => {
  it('run from 1 April to 31 March, named by both years', () => {
    expect(reportingYear(2026)).toEqual({
      year: 2026,
      from: '2026-04-01',
      to: '2027-03-31',
      label: '2026 to 2027',
    });
    expect(reportingYearOf('2026-03-31')).toBe(2025);
    expect(reportingYearOf('2026-04-01')).toBe(2026);
    expect(reportingYearOf('2026-12-31')).toBe(2026);
  });
});

describe('the yearly figures', () => {
  const year = reportingYear(2026);

  it('counts the year’s serious incidents by outcome, and good-practice cases apart', () => {
    const figures = yearFigures(
      [
        { id: 'national', facts: incident({ rapidReview: decided('national_review') }) },
        { id: 'local-1', facts: incident({ rapidReview: decided('local_review') }) },
        { id: 'local-2', facts: incident({ rapidReview: decided('local_review') }) },
        { id: 'undecided', facts: incident({ rapidReview: decided(null) }) },
        { id: 'no-rapid-review', facts: incident({}) },
        { id: 'good', facts: incident({ kind: 'good_practice' }) },
        // 31 March 2026 is in the year before; 1 April 2027 in the year after.
        { id: 'before', facts: incident({ awareOn: '2026-03-31' }) },
        { id: 'after', facts: incident({ awareOn: '2027-04-01' }) },
      ],
      year,
      calendar,
    );
    expect(figures.outcomes.map((outcome) => [outcome.key, outcome.count])).toEqual([
      ['national_review', 1],
      ['local_review', 2],
      ['no_review', 0],
      ['awaiting', 2],
    ]);
    expect(figures.seriousIncidents).toBe(5);
    expect(figures.goodPractice).toBe(1);
    expect(figures.caseIds).toEqual([
      'national',
      'local-1',
      'local-2',
      'undecided',
      'no-rapid-review',
      'good',
    ]);
  });

  it('counts each statutory deadline falling due in the year as met on time, met late or still open', () => {
    const figures = yearFigures(
      [
        // Aware Monday 1 June 2026: notifications due Monday 8 June.
        {
          id: 'on-time-and-late',
          facts: incident({
            panelNotifiedOn: '2026-06-08',
            ofstedNotifiedOn: '2026-06-09',
            partnersNotifiedOn: null,
          }),
        },
        // Aware Monday 30 March 2026 (the year before), over Easter: due Wednesday 8 April.
        {
          id: 'over-easter',
          facts: incident({
            awareOn: '2026-03-30',
            panelNotifiedOn: '2026-04-08',
            ofstedNotifiedOn: '2026-04-08',
            partnersNotifiedOn: '2026-04-09',
            // Notified 8 April: the rapid review was due 15 working days later, 29 April.
            rapidReview: decided('no_review', '2026-04-30'),
          }),
        },
        // Aware Tuesday 30 March 2027, after Easter Monday: due 6 April 2027, the year after.
        { id: 'later', facts: incident({ awareOn: '2027-03-30' }) },
      ],
      year,
      calendar,
    );
    expect(
      figures.deadlines.map((tally) => [tally.key, tally.on_time, tally.late, tally.open]),
    ).toEqual([
      ['notify_panel', 2, 0, 0],
      ['notify_ofsted', 1, 1, 0],
      ['tell_partners', 0, 1, 1],
      // 29 June is still open; the Easter case's was due 29 April and sent on 30 April.
      ['rapid_review', 0, 1, 1],
    ]);
    expect(figures.deadlines[0]!.name).toBe('Notify the national Panel');
    // The Panel's response is expected, not statutory: it is not a deadline met or missed.
    expect(figures.deadlines.map((tally) => tally.key)).not.toContain('panel_response');
  });
});

const bed = await reviewTestBed();
const { agent, outsiderAgent, notifiedCase, context, database, services } = bed;

/** A rapid review's outcome, written directly: recording one is another part's pages. */
async function decide(caseId: string, outcome: RapidReviewOutcome) {
  await inTenant(database.app.db, context, (tx) =>
    tx.insert(rapidReview).values({
      caseId,
      partnershipId: context.partnershipId,
      outcome,
      learningScope: outcome === 'no_review' ? 'multi_agency' : null,
      rationale: 'Recorded for the figures test',
      decidedOn: '2026-11-20',
    }),
  );
}

// Aware Monday 2 November 2026: the notifications were due Monday 9 November.
const national = await notifiedCase({
  awareOn: '2026-11-02',
  panelNotifiedOn: '2026-11-06',
  ofstedNotifiedOn: '2026-11-06',
  partnersNotifiedOn: '2026-11-10',
});
await decide(national.id, 'national_review');
const local = await notifiedCase({ awareOn: '2026-11-02', panelNotifiedOn: '2026-11-09' });
await decide(local.id, 'local_review');
await notifiedCase({ awareOn: '2026-11-23' });
await notifiedCase({ kind: 'good_practice', awareOn: '2026-10-01', criteria: [] });
const february = await notifiedCase({ awareOn: '2026-02-02', panelNotifiedOn: '2026-02-06' });

const police = await bed.fixtures.agency({ name: 'Northshire Police' });
const owner = await bed.fixtures.person(police);
/** A recommendation with one action, closed with its evidence when `completed`. */
async function recommend(caseId: string, completed: boolean) {
  const { recommendations } = services.reviews;
  const added = await recommendations.add(context, caseId, {
    text: 'Agencies should check who lives in the household at every visit.',
    agencyIds: [police],
    version: undefined,
  });
  if (!added?.ok) throw new Error('Fixture refused the recommendation');
  const action = await recommendations.addAction(context, caseId, added.value.id, {
    title: 'Brief every neighbourhood team on household checks',
    ownerPersonId: owner,
    dueOn: '2026-12-18',
  });
  if (!action?.ok) throw new Error('Fixture refused the action');
  if (!completed) return;
  const closed = await services.actions.recordUpdate(
    context,
    action.value.id,
    {
      note: 'Finished',
      status: 'closed',
      closingEvidence: 'Briefing slides and attendance list',
      cancelReason: null,
      version: 1,
    },
    { runsMeetings: true },
  );
  if (!closed.ok) throw new Error('Fixture refused to close the action');
}
await recommend(national.id, true);
await recommend(national.id, false);
await recommend(local.id, false);
// February's case belongs to the year before: its recommendation is not counted in 2026.
await recommend(february.id, true);

describe('the figures page', () => {
  it('shows this reporting year by default, in tables with captions', async () => {
    const page = await agent.get('/reviews/figures');
    expect(page.status).toBe(200);
    expect(page.$('#year option[selected]').text()).toBe('2026 to 2027');
    expect(text(page, 'h2')).toContain('2026 to 2027');
    const outcomes = page
      .$('#outcomes tbody tr')
      .map((_index, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(outcomes).toEqual([
      'Referred for a national review 1',
      'Local practice review 1',
      'No review (learning taken) 0',
      'Awaiting the rapid review outcome 1',
      'All serious incidents 3',
    ]);
    expect(text(page, '#good-practice tbody')).toBe('Cases heard for their good practice 1');
    expect(text(page, '#deadlines caption')).toBe(
      'Statutory deadlines that fell due in 2026 to 2027, by whether they were met',
    );
    const deadlines = page
      .$('#deadlines tbody tr')
      .map((_index, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
      .get();
    // The November cases were due 9 November (two notified on time, one late); the third is
    // due 30 November; February's case belongs to the year before.
    expect(deadlines).toEqual([
      'Notify the national Panel 2 0 1',
      'Notify Ofsted and the DfE 1 0 2',
      'Tell the safeguarding partners 0 1 2',
      'Send the rapid review to the Panel 0 0 2',
    ]);
    expect(text(page, '#recommendations tbody')).toBe('Of the cases counted in 2026 to 2027 3 1');
    expect(page.$('a[href="/reviews/figures.csv?year=2026"]').length).toBe(1);
  });

  it('shows an earlier year asked for, and lets anyone signed in see the figures', async () => {
    const earlier = await outsiderAgent.get('/reviews/figures?year=2025');
    expect(earlier.status).toBe(200);
    expect(earlier.$('#year option[selected]').text()).toBe('2025 to 2026');
    expect(text(earlier, '#outcomes tbody tr:last-child')).toBe('All serious incidents 1');
    expect(text(earlier, '#recommendations tbody')).toBe(
      'Of the cases counted in 2025 to 2026 1 1',
    );
  });

  it('gives the figures as CSV, one figure a line', async () => {
    const response = await agent.get('/reviews/figures.csv?year=2026');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="case-review-figures-2026.csv"',
    );
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Reporting year,Table,Row,Measure,Count');
    expect(lines).toContain(
      '2026 to 2027,Serious incidents by rapid review outcome,Referred for a national review,Cases,1',
    );
    expect(lines).toContain(
      '2026 to 2027,Good-practice cases,Cases heard for their good practice,Cases,1',
    );
    expect(lines).toContain(
      '2026 to 2027,Statutory deadlines that fell due,Tell the safeguarding partners,Met late,1',
    );
    expect(lines.slice(-2)).toEqual([
      '2026 to 2027,Recommendations of the year’s cases,Recommendations,Made,3',
      '2026 to 2027,Recommendations of the year’s cases,Recommendations,Completed,1',
    ]);
  });

  it('refuses a year it cannot show, saying why', async () => {
    for (const year of ['2027', '2017', 'last', '20266', '2026&year=2025']) {
      const page = await agent.get(`/reviews/figures?year=${year}`);
      expect(page.status, year).toBe(400);
      expect(text(page, '.govuk-error-summary'), year).toContain(
        'Select a reporting year from the list',
      );
      expect(page.$('#outcomes').length, year).toBe(0);
      expect((await agent.get(`/reviews/figures.csv?year=${year}`)).status, year).toBe(400);
    }
  });
});
