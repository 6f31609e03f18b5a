import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { quorumScene, recordAttendance } from '../meetings/attendance-fixtures.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';
import { NO_NOTIFICATION } from './rapid-reviews.service.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, services, context, notifiedCase, meeting } = bed;
const owner = bed.database.owner.pool;

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

const rapidReviewOf = async (caseId: string) =>
  (await owner.query('select * from rapid_review where case_id = $1', [caseId])).rows[0] ?? null;

/** A case notified to the Panel on Tuesday 24 November 2026, with its rapid review started. */
async function startedCase() {
  const found = await notifiedCase({ panelNotifiedOn: '2026-11-24' });
  const started = await services.reviews.rapidReviews.start(context, found.id);
  if (!started?.ok) throw new Error('Fixture refused to start the rapid review');
  return found;
}

const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};

const outcome = (values: Record<string, string | string[]> = {}) => ({
  outcome: 'local_review',
  criteriaMet: ['reg11_a', 'reg11_c'],
  rationale: 'Agencies did not share what they knew about the home.',
  ...dateFields('decidedOn', '2026-11-26'),
  ...values,
});

/** The stage tag in the case's row of the case dashboard. */
const stageOnDashboard = async (reference: string) => {
  const page = await agent.get(`/reviews?q=${reference}`);
  return page.$('#cases tbody tr .govuk-tag--blue').text().trim();
};

describe('starting a rapid review', () => {
  it('is refused without a notification, with the reason on the case page, and writes nothing', async () => {
    const { id } = await notifiedCase();
    const page = await agent.get(`/reviews/${id}`);
    expect(text(page, '#rapid-review-refusal')).toBe(NO_NOTIFICATION);
    expect(page.$(`form[action="/reviews/${id}/rapid-review/start"]`).length).toBe(0);
    const before = await auditCount('reviews.rapid_review_started');
    const refused = await agent.post(`/reviews/${id}/rapid-review/start`, {
      _csrf: await agent.csrfTokenFrom(`/reviews/${id}/rapid-review/start`),
    });
    expect(refused.status).toBe(400);
    expect(refused.$('.govuk-error-summary').text()).toContain(NO_NOTIFICATION);
    expect(await rapidReviewOf(id)).toBeNull();
    expect(await auditCount('reviews.rapid_review_started')).toBe(before);
  });

  it('starts after the notification, once, audited, with its 15 working-day clock shown', async () => {
    const { id, reference } = await notifiedCase({ panelNotifiedOn: '2026-11-24' });
    const casePage = await agent.get(`/reviews/${id}`);
    expect(casePage.$(`form[action="/reviews/${id}/rapid-review/start"] button`).text()).toContain(
      'Start the rapid review',
    );
    // Until it is started the case is at its notification, in the header as on the dashboard.
    expect(text(casePage, 'h1 .govuk-tag')).toBe('Serious incident notification');
    expect(await stageOnDashboard(reference)).toBe('Serious incident notification');
    const before = await auditCount('reviews.rapid_review_started');
    const started = await agent.submit(`/reviews/${id}/rapid-review/start`, {}, `/reviews/${id}`);
    expect(started.status).toBe(303);
    expect(started.location).toBe(`/reviews/${id}#rapid-review`);
    expect(await auditCount('reviews.rapid_review_started')).toBe(before + 1);
    const page = await agent.get(`/reviews/${id}`);
    // Notified Tuesday 24 November 2026: 15 working days later is Tuesday 15 December.
    expect(text(page, '#rapid-review-deadline')).toContain('15 December 2026');
    expect(text(page, '#rapid-review-deadline')).toContain('12 working days left');
    expect(text(page, '#rapid-review')).toBe('Rapid review');
    expect(text(page, 'h1 .govuk-tag')).toBe('Rapid review');
    expect(await stageOnDashboard(reference)).toBe('Rapid review');
    const again = await agent.post(`/reviews/${id}/rapid-review/start`, {
      _csrf: await agent.csrfTokenFrom(`/reviews/${id}/rapid-review/outcome`),
    });
    expect(again.status).toBe(400);
    expect(again.$('.govuk-error-summary').text()).toContain('already started');
  });

  it('has no rapid review for a good-practice case', async () => {
    const { id } = await notifiedCase({ kind: 'good_practice', criteria: [] });
    const result = await services.reviews.rapidReviews.start(context, id);
    expect(result).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('good-practice') },
    });
    expect(await rapidReviewOf(id)).toBeNull();
  });
});

describe('the rapid review meeting and the outcome', () => {
  it('refuses an outcome at a meeting that is not quorate, naming the missing agency, until attendance makes it quorate', async () => {
    const { id } = await startedCase();
    const scene = await quorumScene(bed);
    const meetingId = await meeting(scene.body, '2026-11-26');
    await recordAttendance(bed, meetingId, [{ membershipId: scene.policeSeat, status: 'present' }]);
    const linked = await agent.submit(`/reviews/${id}/rapid-review/meeting`, {
      choice: 'existing',
      meetingId,
    });
    expect(linked.status).toBe(303);
    const page = await agent.get(`/reviews/${id}`);
    expect(
      page.$(`#rapid-review ~ .govuk-summary-card a[href="/meetings/${meetingId}"]`).length,
    ).toBe(1);
    expect(page.$('.govuk-summary-card').text()).toContain('Not quorate');
    expect(page.$('.govuk-summary-card').text()).toContain(
      `${scene.names.council} is not represented`,
    );

    const before = await auditCount('reviews.rapid_review_outcome_recorded');
    const refused = await agent.submit(`/reviews/${id}/rapid-review/outcome`, outcome());
    expect(refused.status).toBe(400);
    const summary = refused.$('.govuk-error-summary').text();
    expect(summary).toContain('not quorate');
    expect(summary).toContain(`${scene.names.council} is not represented`);
    expect(summary).toContain('section 21');
    expect(refused.$('#rationale').val()).toContain('Agencies did not share');
    expect((await rapidReviewOf(id)).outcome).toBeNull();
    expect(await auditCount('reviews.rapid_review_outcome_recorded')).toBe(before);

    await recordAttendance(bed, meetingId, [
      { membershipId: scene.councilSeat, status: 'present' },
    ]);
    const saved = await agent.submit(`/reviews/${id}/rapid-review/outcome`, outcome());
    expect(saved.status).toBe(303);
    const stored = await rapidReviewOf(id);
    expect(stored).toMatchObject({ outcome: 'local_review', criteria_met: ['reg11_a', 'reg11_c'] });
    expect(await auditCount('reviews.rapid_review_outcome_recorded')).toBe(before + 1);
    const after = await agent.get(`/reviews/${id}`);
    expect(after.$('.govuk-summary-card').text()).toContain('Quorate');
    expect(after.$('.govuk-summary-card').text()).toContain(
      'Hold a local child safeguarding practice review (LCSPR)',
    );
    expect(after.$('h1').text()).toContain('Rapid review');
  });

  it('schedules a new meeting of the practice review body, with only the reference on its agenda', async () => {
    const { id, reference } = await startedCase();
    const scene = await quorumScene(bed);
    const form = await agent.get(`/reviews/${id}/rapid-review/meeting`);
    expect(form.$('#bodyId option[selected]').val()).toBeTruthy();
    expect(form.$('#bodyId option[selected]').text()).toContain('Practice Review');
    const saved = await agent.submit(`/reviews/${id}/rapid-review/meeting`, {
      choice: 'new',
      bodyId: scene.body,
      ...dateFields('day', '2026-12-02'),
      startTime: '14:00',
      endTime: '15:30',
      location: 'Council House, Room 2',
    });
    expect(saved.status).toBe(303);
    const meetingId = (await rapidReviewOf(id)).meeting_id as string;
    const found = await services.meetings.find(context, meetingId);
    expect(found?.body.id).toBe(scene.body);
    expect(found?.items.map((item) => item.title)).toContain(`Rapid review: ${reference}`);
    const meetingPage = await agent.get(`/meetings/${meetingId}`);
    expect(meetingPage.body).not.toContain(FICTIONAL_CHILD.childName);
    const events = (await services.audit.page(context, { entityId: id })).events;
    expect(events.map((event) => event.action)).toContain('reviews.rapid_review_meeting_linked');
  });

  it('explains a bad meeting choice and links nothing', async () => {
    const { id } = await startedCase();
    const cases: [Record<string, string>, string][] = [
      [{}, 'Select whether to schedule a new meeting or link one already scheduled'],
      [{ choice: 'existing', meetingId: '' }, 'Select the meeting'],
      [
        { choice: 'existing', meetingId: crypto.randomUUID() },
        'Select a meeting that is scheduled',
      ],
      [
        {
          choice: 'new',
          bodyId: crypto.randomUUID(),
          ...dateFields('day', '2026-12-02'),
          startTime: '10:00',
          endTime: '11:00',
        },
        'Select the body that is meeting',
      ],
      [
        {
          choice: 'new',
          bodyId: crypto.randomUUID(),
          ...dateFields('day', '2026-12-02'),
          startTime: '11:00',
          endTime: '10:00',
        },
        'The end time must be after the start time',
      ],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(`/reviews/${id}/rapid-review/meeting`, values);
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
    }
    expect((await rapidReviewOf(id)).meeting_id).toBeNull();
  });

  it('lets someone outside the business unit link a meeting but not schedule one', async () => {
    const { id } = await startedCase();
    const member = await createUser(bed.database.app.db, services, bed.partnership.id, {
      roles: ['member'],
      mfa: true,
    });
    await services.reviews.team.add(context, id, member.userId, true);
    const memberAgent = new Agent(bed.app);
    await memberAgent.signIn(member, bed.clock.now());
    const form = await memberAgent.get(`/reviews/${id}/rapid-review/meeting`);
    expect(form.$('input[name="choice"][value="new"]').length).toBe(0);
    const refused = await memberAgent.submit(`/reviews/${id}/rapid-review/meeting`, {
      choice: 'new',
      bodyId: crypto.randomUUID(),
      ...dateFields('day', '2026-12-02'),
      startTime: '10:00',
      endTime: '11:00',
    });
    expect(refused.status).toBe(400);
    expect(refused.$('.govuk-error-summary').text()).toContain('Only the business unit');
  });

  it('records an outcome decided by correspondence, and says so', async () => {
    const { id } = await startedCase();
    const form = await agent.get(`/reviews/${id}/rapid-review/outcome`);
    expect(form.$('.govuk-inset-text').text()).toContain('decided by correspondence');
    const saved = await agent.submit(
      `/reviews/${id}/rapid-review/outcome`,
      outcome({ outcome: 'no_review', learningScope: 'multi_agency', criteriaMet: [] }),
    );
    expect(saved.status).toBe(303);
    const page = await agent.get(`/reviews/${id}`);
    const card = page.$('.govuk-summary-card').text();
    expect(card).toContain('The outcome was decided by correspondence');
    expect(card).toContain('Multi-agency learning');
    const [event] = (
      await services.audit.page(context, {
        action: 'reviews.rapid_review_outcome_recorded',
        entityId: id,
      })
    ).events;
    expect(JSON.stringify(event)).toContain('decidedWithoutMeeting');
    expect(JSON.stringify(event)).not.toContain('Agencies did not share');
  });

  it('refuses an outcome without a rationale, no review without its learning, and every other bad input, writing nothing', async () => {
    const { id } = await startedCase();
    const before = await auditCount('reviews.rapid_review_outcome_recorded');
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ rationale: '  ' }, 'rationale', 'Enter the rationale for the outcome'],
      [
        { outcome: 'no_review', criteriaMet: [] },
        'learningScope',
        'Select whether the learning is single-agency or multi-agency',
      ],
      [{ outcome: '' }, 'outcome', 'Select the outcome of the rapid review'],
      [
        { criteriaMet: [] },
        'criteriaMet',
        'Select the criteria of regulation 11 that apply for a local review',
      ],
      [{ criteriaMet: ['reg11_a', 'reg3_b'] }, 'criteriaMet', 'untick those of regulation 3'],
      [
        { outcome: 'national_review', criteriaMet: ['reg11_a'] },
        'criteriaMet',
        'untick those of regulation 11',
      ],
      [{ criteriaMet: ['made_up'] }, 'criteriaMet', 'Select criteria from the list'],
      [
        dateFields('decidedOn', '2026-11-23'),
        'decidedOn',
        'on or after the date the Panel was notified (24 November 2026)',
      ],
      [dateFields('decidedOn', '2026-11-28'), 'decidedOn', 'must be today or in the past'],
      [
        { 'decidedOn-day': '', 'decidedOn-month': '', 'decidedOn-year': '' },
        'decidedOn',
        'Enter the date of the decision',
      ],
    ];
    for (const [values, field, message] of cases) {
      const page = await agent.submit(`/reviews/${id}/rapid-review/outcome`, outcome(values));
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
      expect(page.$('.govuk-error-summary a').attr('href'), message).toBe(`#${field}`);
    }
    const everything = await agent.submit(
      `/reviews/${id}/rapid-review/outcome`,
      outcome({ outcome: 'no_review', rationale: '', 'decidedOn-day': '' }),
    );
    expect(everything.status).toBe(400);
    expect(
      everything
        .$('.govuk-error-summary a')
        .map((_, link) => everything.$(link).attr('href'))
        .get(),
    ).toEqual(['#learningScope', '#rationale', '#decidedOn']);
    expect((await rapidReviewOf(id)).outcome).toBeNull();
    expect(await auditCount('reviews.rapid_review_outcome_recorded')).toBe(before);
  });

  it('keeps typed values and names who changed the outcome first on a stale edit', async () => {
    const { id } = await startedCase();
    const version = String((await rapidReviewOf(id)).version);
    const first = await agent.submit(`/reviews/${id}/rapid-review/outcome`, outcome({ version }));
    expect(first.status).toBe(303);
    const stale = await agent.submit(
      `/reviews/${id}/rapid-review/outcome`,
      outcome({ version, rationale: 'A different view of the case.' }),
    );
    expect(stale.status).toBe(400);
    expect(stale.$('.govuk-error-summary').text()).toContain('changed this rapid review');
    expect(stale.$('#rationale').val()).toBe('A different view of the case.');
    expect((await rapidReviewOf(id)).rationale).toBe(
      'Agencies did not share what they knew about the home.',
    );
  });
});

describe('the national Panel', () => {
  it('records when the review was sent and answered, in order, and the clock is met', async () => {
    const { id } = await startedCase();
    const early = await agent.submit(
      `/reviews/${id}/rapid-review/panel`,
      dateFields('sentToPanelOn', '2026-11-26'),
    );
    expect(early.status).toBe(400);
    expect(early.$('.govuk-error-summary').text()).toContain(
      'Record the outcome of the rapid review before',
    );
    expect((await agent.submit(`/reviews/${id}/rapid-review/outcome`, outcome())).status).toBe(303);
    const cases: [Record<string, string>, string][] = [
      [
        dateFields('sentToPanelOn', '2026-11-25'),
        'on or after the date of the decision (26 November 2026)',
      ],
      [dateFields('sentToPanelOn', '2026-11-30'), 'must be today or in the past'],
      [
        {
          ...dateFields('sentToPanelOn', '2026-11-27'),
          ...dateFields('panelResponseOn', '2026-11-26'),
        },
        "The date of the Panel's response must be on or after the date the rapid review was sent (27 November 2026)",
      ],
      [
        dateFields('panelResponseOn', '2026-11-27'),
        'Enter the date the rapid review was sent to the Panel before',
      ],
      [
        { ...dateFields('sentToPanelOn', '2026-11-27'), panelResponse: 'Agreed.' },
        "Enter the date of the Panel's response",
      ],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(`/reviews/${id}/rapid-review/panel`, values);
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
    }
    expect((await rapidReviewOf(id)).sent_to_panel_on).toBeNull();
    const saved = await agent.submit(`/reviews/${id}/rapid-review/panel`, {
      ...dateFields('sentToPanelOn', '2026-11-27'),
      ...dateFields('panelResponseOn', '2026-11-27'),
      panelResponse: 'The Panel agrees with the decision.',
    });
    expect(saved.status).toBe(303);
    const page = await agent.get(`/reviews/${id}`);
    expect(text(page, '#rapid-review-deadline')).toContain('Met on 27 November 2026');
    expect(page.$('.govuk-summary-card').text()).toContain('The Panel agrees with the decision.');
    expect(await auditCount('reviews.rapid_review_panel_recorded')).toBeGreaterThan(0);
  });
});

describe('the case team only', () => {
  it('answers 404 to someone outside the case team on every rapid review page and post', async () => {
    const { id } = await startedCase();
    for (const part of ['start', 'meeting', 'outcome', 'panel', 'report.docx']) {
      const page = await outsiderAgent.get(`/reviews/${id}/rapid-review/${part}`);
      expect(page.status, part).toBe(404);
      expect(page.body).not.toContain(FICTIONAL_CHILD.childName);
    }
    const token = await outsiderAgent.csrfTokenFrom('/reviews/new');
    for (const part of ['start', 'meeting', 'outcome', 'panel']) {
      const post = await outsiderAgent.post(`/reviews/${id}/rapid-review/${part}`, {
        _csrf: token,
        ...outcome(),
      });
      expect(post.status, part).toBe(404);
    }
    expect((await rapidReviewOf(id)).outcome).toBeNull();
  });
});
