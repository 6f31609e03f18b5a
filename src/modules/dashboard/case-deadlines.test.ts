import { describe, expect, it } from 'vitest';
import { text, type Page } from '../../testing/agent.js';
import { reviewTestBed } from '../reviews/review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, notifiedCase } = bed;

const rowsOf = (page: Page) =>
  page
    .$('#case-deadlines ~ table tbody tr')
    .map((_index, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
    .get();

describe('case review deadlines on the dashboard', () => {
  it('says when nothing is overdue or close, and links to the case list', async () => {
    await notifiedCase({ reference: 'DB-ON-TRACK', awareOn: '2026-11-27' });
    const page = await agent.get('/dashboard');
    expect(page.status).toBe(200);
    expect(text(page, '#case-deadlines + p')).toBe(
      'No case review deadline is overdue or due within 3 working days.',
    );
    expect(page.$('#case-deadlines ~ p a[href="/reviews"]').length).toBe(1);
    expect(page.body).not.toContain('DB-ON-TRACK');
  });

  it('lists cases overdue or due within 3 working days, and flags overdue notifications', async () => {
    // Friday 27 November 2026. Aware 16 November: the 5-day notification clock ran out on 23.
    const late = await notifiedCase({ reference: 'DB-LATE-NOTICE', awareOn: '2026-11-16' });
    const soon = await notifiedCase({ reference: 'DB-DUE-SOON', awareOn: '2026-11-23' });
    // Notified on 3 November: the rapid review was due 24 November.
    const told = '2026-11-03';
    await notifiedCase({
      reference: 'DB-LATE-REVIEW',
      awareOn: '2026-11-02',
      panelNotifiedOn: told,
      ofstedNotifiedOn: told,
      partnersNotifiedOn: told,
    });

    const page = await agent.get('/dashboard');
    expect(rowsOf(page)).toEqual([
      'DB-LATE-NOTICE Notify the national Panel 23 November 2026 Overdue Notification overdue',
      'DB-LATE-REVIEW Send the rapid review to the Panel 24 November 2026 Overdue',
      'DB-DUE-SOON Notify the national Panel 30 November 2026 Due within 3 working days',
    ]);
    expect(text(page, '#overdue-notifications')).toContain(
      '1 serious incident notification is overdue: DB-LATE-NOTICE.',
    );
    expect(page.$(`#case-deadlines ~ table a[href="/reviews/${late.id}"]`).text()).toBe(
      'DB-LATE-NOTICE',
    );
    expect(page.$(`#case-deadlines ~ table a[href="/reviews/${soon.id}"]`).length).toBe(1);
  });

  it('shows someone outside the case teams the references and clocks, without links', async () => {
    const page = await outsiderAgent.get('/dashboard');
    expect(rowsOf(page)).toHaveLength(3);
    expect(rowsOf(page)[0]).toContain('DB-LATE-NOTICE');
    expect(page.$('#case-deadlines ~ table a').length).toBe(0);
    expect(text(page, '#overdue-notifications')).toContain('DB-LATE-NOTICE');
  });
});
