import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { cancelMeeting, quorumScene, recordAttendance } from './attendance-fixtures.js';
import { lastTwelveMonths } from './attendance-statistics.forms.js';
import { meetingTestBed } from './meeting-fixtures.js';

const bed = await meetingTestBed();
const { services, context, agent, fixtures, meeting } = bed;

// Held meetings in the last 12 months (the clock stands at 27 November 2026), one
// cancelled and one still to come: only the held ones count.
const scene = await quorumScene(bed, { bodyName: 'Audit Sub-group' });
const other = await quorumScene(bed, { bodyName: 'Training Sub-group' });
const spring = await fixtures.person(scene.police, { fullName: 'Robin Ames' });
const springDeputy = await services.governance.memberships.addDeputy(context, scene.policeSeat, {
  personId: spring,
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
});
const { deputies } = (await services.governance.memberships.find(context, scene.policeSeat))!;
const robin = deputies.find((row) => row.personName === 'Robin Ames')!.deputy.id;
const january = await meeting(scene.body, '2026-01-14');
const march = await meeting(scene.body, '2026-03-10');
const cancelled = await meeting(scene.body, '2026-05-12');
const coming = await meeting(scene.body, '2026-12-08');
const elsewhere = await meeting(other.body, '2026-02-03');
await recordAttendance(bed, january, [
  { membershipId: scene.policeSeat, status: 'present' },
  { membershipId: scene.councilSeat, status: 'apologies' },
  { membershipId: scene.observerSeat, status: 'absent' },
]);
await recordAttendance(bed, march, [
  { membershipId: scene.policeSeat, status: 'deputy', deputyId: robin },
  { membershipId: scene.councilSeat, status: 'present' },
]);
for (const id of [cancelled, coming])
  await recordAttendance(bed, id, [{ membershipId: scene.councilSeat, status: 'present' }]);
await recordAttendance(bed, elsewhere, [{ membershipId: other.policeSeat, status: 'absent' }]);
await cancelMeeting(bed, cancelled);

/** Each table row as its cells' text, joined by bars. */
async function tableRows(url: string) {
  const page = await agent.get(url);
  return page
    .$('#attendance-statistics tbody tr')
    .map((_, row) =>
      page
        .$(row)
        .find('td')
        .map((__, cell) => page.$(cell).text().trim())
        .get()
        .join(' | '),
    )
    .get();
}

describe('attendance statistics', () => {
  it('counts held meetings of the last 12 months per body and represented agency', async () => {
    expect(springDeputy.ok).toBe(true);
    const page = await agent.get('/meetings/attendance-statistics');
    expect(page.status).toBe(200);
    expect(text(page, 'caption')).toBe(
      'Attendance at meetings held 28 November 2025 to 27 November 2026',
    );
    const rows = await tableRows('/meetings/attendance-statistics');
    expect(rows).toContain(
      `Audit Sub-group | ${scene.names.council} | 2 | 4 | 1 | 0 | 1 | 1 | 1 | 25%`,
    );
    expect(rows).toContain(
      `Audit Sub-group | ${scene.names.police} | 2 | 2 | 1 | 1 | 0 | 0 | 0 | 100%`,
    );
    expect(rows).toContain(
      `Training Sub-group | ${other.names.police} | 1 | 1 | 0 | 0 | 0 | 1 | 0 | 0%`,
    );
  });

  it('filters by period and body, and says when nothing was held', async () => {
    const rows = await tableRows(
      `/meetings/attendance-statistics?from=2026-03-01&to=2026-11-27&body=${scene.body}`,
    );
    expect(rows).toEqual([
      `Audit Sub-group | ${scene.names.council} | 1 | 2 | 1 | 0 | 0 | 0 | 1 | 50%`,
      `Audit Sub-group | ${scene.names.police} | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 100%`,
    ]);
    const typed = await tableRows(
      '/meetings/attendance-statistics?from-day=1&from-month=2&from-year=2026&to-day=28&to-month=2&to-year=2026',
    );
    expect(typed).toHaveLength(2);
    expect(typed.every((row) => row.startsWith('Training Sub-group'))).toBe(true);
    const none = await agent.get('/meetings/attendance-statistics?from=2024-01-01&to=2024-12-31');
    expect(text(none, '#attendance-statistics tbody')).toBe(
      'No meetings were held in this period.',
    );
  });

  it('downloads the same figures as CSV, formula-safe', async () => {
    const formula = await fixtures.agency({ name: '=HYPERLINK("http://example.test")' });
    const person = await fixtures.person(formula);
    await fixtures.membership(other.body, person, formula);
    const csv = await agent.get(
      `/meetings/attendance-statistics.csv?from=2026-01-01&to=2026-02-28`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attendance-2026-01-01-to-2026-02-28.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Body,Agency,Meetings,Seats expected,Present,Represented by a deputy,Apologies,Absent,Not recorded,Attendance rate (%)',
    );
    expect(lines).toContain(`Audit Sub-group,${scene.names.police},1,1,1,0,0,0,0,100`);
    expect(lines.some((line) => line.includes(`'=HYPERLINK`))).toBe(true);
  });

  it('refuses a period that ends before it starts and dates that are not real, showing no figures', async () => {
    const backwards = await agent.get(
      '/meetings/attendance-statistics?from=2026-06-01&to=2026-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'The start of the period must be the same as or before its end',
    );
    expect(backwards.$('#attendance-statistics')).toHaveLength(0);
    const unreal = await agent.get(
      '/meetings/attendance-statistics?from-day=31&from-month=2&from-year=2026&to=2026-11-27',
    );
    expect(text(unreal, '.govuk-error-summary')).toContain(
      'Start of the period must be a real date',
    );
    expect(unreal.$('#from-day').val()).toBe('31');
    const csv = await agent.get(
      '/meetings/attendance-statistics.csv?from=2026-06-01&to=2026-01-01',
    );
    expect(csv.status).toBe(303);
    expect(csv.location).toBe('/meetings/attendance-statistics?from=2026-06-01&to=2026-01-01');
  });

  it('is linked from the meetings list', async () => {
    const page = await agent.get('/meetings');
    expect(page.$('main a[href="/meetings/attendance-statistics"]').text()).toBe(
      'Attendance statistics',
    );
  });

  it('defaults to the 12 months up to today, across a leap day', () => {
    expect(lastTwelveMonths('2026-11-27')).toEqual({ from: '2025-11-28', to: '2026-11-27' });
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});
