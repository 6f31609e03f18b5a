import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { rapidReview } from '../../db/schema/index.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, services, context, notifiedCase } = bed;
const practice = services.reviews.practiceReviews;

type Fields = Record<string, string>;

/**
 * A notified case whose rapid review reached the given outcome on Wednesday 25 November
 * 2026. The rapid review is written directly: recording it through its pages is another part.
 */
async function caseWithOutcome(outcome: 'local_review' | 'no_review' | 'national_review') {
  const opened = await notifiedCase({ panelNotifiedOn: '2026-11-24' });
  await inTenant(bed.database.app.db, context, (tx) =>
    tx.insert(rapidReview).values({
      caseId: opened.id,
      partnershipId: context.partnershipId,
      outcome,
      learningScope: outcome === 'no_review' ? 'multi_agency' : null,
      criteriaMet: outcome === 'local_review' ? ['reg11_a'] : [],
      rationale: 'The fictional agencies did not share what they knew.',
      decidedOn: '2026-11-25',
      sentToPanelOn: '2026-11-26',
    }),
  );
  return opened;
}

const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};

const TERMS = 'How did agencies share what they knew about the family between 2024 and 2026?';

const decision = (values: Fields = {}): Fields => ({
  ...dateFields('decidedOn', '2026-11-27'),
  methodology: 'systems review',
  reviewers: 'Dr Imogen Farthingale',
  termsOfReference: TERMS,
  ...values,
});

const pathOf = (caseId: string, part = '') => `/reviews/${caseId}/practice-review${part}`;

/** A case with a practice review decided on Friday 27 November 2026: due 27 May 2027. */
async function decidedCase() {
  const opened = await caseWithOutcome('local_review');
  const saved = await agent.submit(pathOf(opened.id), decision());
  expect(saved.status).toBe(303);
  return opened;
}

const reviewOf = async (caseId: string) => (await practice.ofCase(context, caseId))?.review;
const auditActions = async (entityId: string) =>
  (await services.audit.page(context, { entityId })).events.map((event) => event.action);
const errorSummary = (page: { $: (selector: string) => { text(): string } }) =>
  page.$('.govuk-error-summary').text();

describe('deciding to hold a practice review', () => {
  it('is refused without a local-review outcome, with the reason, and writes nothing', async () => {
    const noRapidReview = await notifiedCase();
    const noReview = await caseWithOutcome('no_review');
    const national = await caseWithOutcome('national_review');
    for (const { id } of [noRapidReview, noReview, national]) {
      const form = await agent.get(pathOf(id));
      expect(form.status).toBe(200);
      expect(form.$('#refusal').text()).toContain("rapid review's outcome is a local review");
      expect(form.$('form[action$="/practice-review"]').length).toBe(0);
      const refused = await agent.submit(pathOf(id), decision(), `/reviews/${id}/notification`);
      expect(refused.status).toBe(400);
      expect(errorSummary(refused)).toContain(
        "A practice review is held only when the rapid review's outcome is a local review",
      );
      expect(await reviewOf(id)).toBeNull();
      expect(await auditActions(id)).not.toContain('reviews.practice_review_decided');
      const casePage = await agent.get(`/reviews/${id}`);
      expect(casePage.$('#practice-review-section').length).toBe(0);
    }
  });

  it('records the decision with its target six months on, audited without the texts', async () => {
    const { id } = await caseWithOutcome('local_review');
    const before = await agent.get(`/reviews/${id}`);
    expect(before.$('#practice-review-section').length).toBe(1);
    expect(before.$(`a[href="${pathOf(id)}"]`).text()).toContain('Record the decision');

    const saved = await agent.submit(pathOf(id), decision());
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/reviews/${id}#practice-review`);
    const review = await reviewOf(id);
    expect(review).toMatchObject({
      decidedOn: '2026-11-27',
      targetOn: '2027-05-27',
      methodology: 'systems review',
      reviewers: 'Dr Imogen Farthingale',
      termsOfReference: TERMS,
    });

    const casePage = await agent.get(`/reviews/${id}`);
    const section = casePage.$('#practice-review-section').text();
    expect(section).toContain('systems review');
    expect(section).toContain('Dr Imogen Farthingale');
    expect(section).toContain(TERMS);
    expect(section).toContain('27 May 2027');
    expect(casePage.$('h1').text()).toContain('Local review');
    const publication = casePage
      .$('#deadlines tr')
      .filter((_, row) => casePage.$(row).text().includes('Publish the practice review'));
    expect(publication.text()).toContain('27 May 2027');

    const events = (await services.audit.page(context, { entityId: id })).events;
    const decided = events.find((event) => event.action === 'reviews.practice_review_decided');
    expect(decided?.after).toEqual({ decidedOn: '2026-11-27', targetOn: '2027-05-27' });
    expect(JSON.stringify(events)).not.toContain(TERMS);
  });

  it('explains every bad input on the decision, and writes nothing', async () => {
    const { id } = await caseWithOutcome('local_review');
    const cases: [Fields, string][] = [
      [
        dateFields('decidedOn', '2026-11-28'),
        'The date of the decision must be today or in the past',
      ],
      [
        dateFields('decidedOn', '2026-11-24'),
        "The date of the decision must be on or after the rapid review's decision (25 November 2026)",
      ],
      [{ 'decidedOn-day': '31', 'decidedOn-month': '2' }, 'must be a real date'],
      [
        { 'decidedOn-day': '', 'decidedOn-month': '', 'decidedOn-year': '' },
        'Enter the date of the decision',
      ],
      [{ methodology: ' ' }, 'Enter the methodology'],
      [{ reviewers: '' }, 'Enter who will lead the review'],
      [{ termsOfReference: '' }, 'Enter the terms of reference'],
      [{ methodology: 'x'.repeat(201) }, 'The methodology must be 200 characters or fewer'],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(
        pathOf(id),
        decision({ reviewers: 'Kept Reviewer', ...values }),
      );
      expect(page.status, message).toBe(400);
      expect(errorSummary(page), message).toContain(message);
      if (!('reviewers' in values)) expect(page.$('#reviewers').val()).toBe('Kept Reviewer');
    }
    expect(await reviewOf(id)).toBeNull();
  });

  it('changes the decision, moving the target, and names who changed it first on a stale edit', async () => {
    const { id } = await decidedCase();
    const form = await agent.get(pathOf(id));
    expect(form.$('#methodology').val()).toBe('systems review');
    const version = String(form.$('input[name="version"]').val());
    const changed = await agent.submit(
      pathOf(id),
      decision({
        ...dateFields('decidedOn', '2026-11-26'),
        methodology: 'appreciative inquiry',
        version,
      }),
    );
    expect(changed.status).toBe(303);
    expect(await reviewOf(id)).toMatchObject({
      targetOn: '2027-05-26',
      methodology: 'appreciative inquiry',
    });
    const stale = await agent.submit(
      pathOf(id),
      decision({ methodology: 'practitioner learning event', version }),
    );
    expect(stale.status).toBe(400);
    expect(errorSummary(stale)).toContain('changed this practice review');
    expect(stale.$('#methodology').val()).toBe('practitioner learning event');
    expect(stale.$('input[name="version"]').val()).not.toBe(version);
    expect((await reviewOf(id))?.methodology).toBe('appreciative inquiry');
    const events = (await services.audit.page(context, { entityId: id })).events;
    const change = events.find((event) => event.action === 'reviews.practice_review_changed');
    expect(change?.after).toMatchObject({ targetOn: '2027-05-26', textsChanged: ['methodology'] });
  });
});

describe('milestones', () => {
  it('lists milestones by date with their status in words, overdue when passed and not done', async () => {
    const { id } = await decidedCase();
    const later = await agent.submit(pathOf(id, '/milestones/new'), {
      title: 'Practitioner learning event',
      ...dateFields('dueOn', '2027-02-10'),
      status: 'planned',
    });
    expect(later.status).toBe(303);
    await agent.submit(pathOf(id, '/milestones/new'), {
      title: 'Chronologies merged',
      ...dateFields('dueOn', '2026-11-20'),
      status: 'in_progress',
    });
    const casePage = await agent.get(`/reviews/${id}`);
    const rows = casePage.$('#milestones tbody tr');
    expect(rows.eq(0).text()).toContain('Chronologies merged');
    expect(rows.eq(0).text()).toContain('In progress');
    expect(rows.eq(0).text()).toContain('Overdue');
    expect(rows.eq(1).text()).toContain('Practitioner learning event');
    expect(rows.eq(1).text()).toContain('Planned');
    expect(rows.eq(1).text()).not.toContain('Overdue');

    const milestone = (await practice.ofCase(context, id))!.milestones[0]!;
    const url = pathOf(id, `/milestones/${milestone.id}`);
    const form = await agent.get(url);
    expect(form.$('#title').val()).toBe('Chronologies merged');
    expect(form.$('input[name="status"][value="in_progress"]').attr('checked')).toBeDefined();
    const done = await agent.submit(url, {
      title: 'Chronologies merged',
      ...dateFields('dueOn', '2026-11-20'),
      status: 'done',
      version: String(milestone.version),
    });
    expect(done.status).toBe(303);
    const after = await agent.get(`/reviews/${id}`);
    expect(after.$('#milestones tbody tr').eq(0).text()).toContain('Done');
    expect(after.$('#milestones tbody tr').eq(0).text()).not.toContain('Overdue');

    const stale = await agent.submit(url, {
      title: 'Chronologies merged again',
      ...dateFields('dueOn', '2026-11-20'),
      status: 'planned',
      version: String(milestone.version),
    });
    expect(stale.status).toBe(400);
    expect(errorSummary(stale)).toContain('changed this milestone');
    expect(stale.$('#title').val()).toBe('Chronologies merged again');

    const events = await services.audit.page(context, { entityId: milestone.id });
    expect(events.events.map((event) => event.action)).toEqual([
      'reviews.milestone_changed',
      'reviews.milestone_added',
    ]);
  });

  it('explains every bad milestone, and adds nothing', async () => {
    const { id } = await decidedCase();
    const cases: [Fields, string][] = [
      [{ title: '' }, 'Enter the milestone'],
      [{ 'dueOn-day': '' }, 'The date of the milestone must include a day'],
      [{ status: 'finished' }, 'Select the status of the milestone'],
      [{ status: '' }, 'Select the status of the milestone'],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(pathOf(id, '/milestones/new'), {
        title: 'Panel meeting',
        ...dateFields('dueOn', '2027-01-12'),
        status: 'planned',
        ...values,
      });
      expect(page.status, message).toBe(400);
      expect(errorSummary(page)).toContain(message);
    }
    expect((await practice.ofCase(context, id))!.milestones).toEqual([]);
  });

  it('answers 404 for a milestone that is not this review’s, and before a review is decided', async () => {
    const { id } = await decidedCase();
    const other = await decidedCase();
    await agent.submit(pathOf(other.id, '/milestones/new'), {
      title: 'Other case milestone',
      ...dateFields('dueOn', '2027-01-12'),
      status: 'planned',
    });
    const foreign = (await practice.ofCase(context, other.id))!.milestones[0]!;
    expect((await agent.get(pathOf(id, `/milestones/${foreign.id}`))).status).toBe(404);
    expect((await agent.get(pathOf(id, '/milestones/not-an-id'))).status).toBe(404);
    const changed = await agent.submit(
      pathOf(id, `/milestones/${foreign.id}`),
      { title: 'Hijacked', ...dateFields('dueOn', '2027-01-12'), status: 'done' },
      pathOf(id, '/milestones/new'),
    );
    expect(changed.status).toBe(404);
    expect((await practice.ofCase(context, other.id))!.milestones[0]!.title).toBe(
      'Other case milestone',
    );
    const undecided = await caseWithOutcome('local_review');
    for (const part of ['/milestones/new', '/draft-requests/new', '/delays/new', '/publication'])
      expect((await agent.get(pathOf(undecided.id, part))).status, part).toBe(404);
  });
});

describe('requests for drafts', () => {
  it('records each written request with its date and who recorded it', async () => {
    const { id } = await decidedCase();
    const form = await agent.get(pathOf(id, '/draft-requests/new'));
    expect(form.$('#requestedOn-day').val()).toBe('27');
    const saved = await agent.submit(pathOf(id, '/draft-requests/new'), {
      ...dateFields('requestedOn', '2026-11-27'),
      request: 'Please send the first full draft by 15 January 2027.',
    });
    expect(saved.status).toBe(303);
    const casePage = await agent.get(`/reviews/${id}`);
    const row = casePage.$('#draft-requests tbody tr').first().text();
    expect(row).toContain('27 November 2026');
    expect(row).toContain('Please send the first full draft by 15 January 2027.');
    expect(row).toContain('Alex Morgan');
    expect(await auditActions(id)).toContain('reviews.draft_requested');
  });

  it('refuses a request dated in the future, before the decision, or without its text', async () => {
    const { id } = await decidedCase();
    const cases: [Fields, string][] = [
      [
        dateFields('requestedOn', '2026-11-30'),
        'The date of the request must be today or in the past',
      ],
      [
        dateFields('requestedOn', '2026-11-26'),
        'The date of the request must be on or after the decision to hold the review (27 November 2026)',
      ],
      [{ request: '' }, 'Enter the request as it was put in writing'],
    ];
    for (const [values, message] of cases) {
      const page = await agent.submit(pathOf(id, '/draft-requests/new'), {
        ...dateFields('requestedOn', '2026-11-27'),
        request: 'A typed request',
        ...values,
      });
      expect(page.status, message).toBe(400);
      expect(errorSummary(page)).toContain(message);
    }
    expect((await practice.ofCase(context, id))!.draftRequests).toEqual([]);
  });
});

describe('delays', () => {
  it('moves the publication deadline to a revised date after the current target, and no earlier', async () => {
    const { id } = await decidedCase();
    const notLater = await agent.submit(pathOf(id, '/delays/new'), {
      reason: 'Parallel criminal proceedings',
      ...dateFields('revisedOn', '2027-05-27'),
    });
    expect(notLater.status).toBe(400);
    expect(errorSummary(notLater)).toContain(
      'The revised date must be after the current target date, 27 May 2027',
    );
    expect(notLater.$('#reason').val()).toBe('Parallel criminal proceedings');
    expect((await practice.ofCase(context, id))!.delays).toEqual([]);

    const missing = await agent.submit(
      pathOf(id, '/delays/new'),
      dateFields('revisedOn', '2027-09-30'),
    );
    expect(missing.status).toBe(400);
    expect(errorSummary(missing)).toContain('Enter the reason for the delay');

    const delayed = await agent.submit(pathOf(id, '/delays/new'), {
      reason: 'Parallel criminal proceedings',
      ...dateFields('revisedOn', '2027-09-30'),
    });
    expect(delayed.status).toBe(303);
    const casePage = await agent.get(`/reviews/${id}`);
    const publication = casePage
      .$('#deadlines tr')
      .filter((_, row) => casePage.$(row).text().includes('Publish the practice review'))
      .text();
    expect(publication).toContain('30 September 2027');
    expect(publication).toContain('revised after a recorded delay');
    const section = casePage.$('#practice-review-section').text();
    expect(section).toContain('Revised target');
    expect(section).toContain('Delayed: Parallel criminal proceedings');
    expect(casePage.$('#delays tbody tr').first().text()).toContain('30 September 2027');

    const second = await agent.submit(pathOf(id, '/delays/new'), {
      reason: 'Inquest adjourned',
      ...dateFields('revisedOn', '2027-08-31'),
    });
    expect(second.status).toBe(400);
    expect(errorSummary(second)).toContain('after the current target date, 30 September 2027');
    const events = (await services.audit.page(context, { entityId: id })).events;
    const recorded = events.find((event) => event.action === 'reviews.delay_recorded');
    expect(recorded?.before).toEqual({ targetOn: '2027-05-27' });
    expect(recorded?.after).toEqual({ targetOn: '2027-09-30' });
    expect(JSON.stringify(events)).not.toContain('Parallel criminal proceedings');
  });
});

describe('the team alone', () => {
  it('answers 404 to someone outside the case team on every practice review page', async () => {
    const { id } = await decidedCase();
    const milestone = await practice.addMilestone(context, id, {
      title: 'Panel meeting',
      dueOn: '2027-01-12',
      status: 'planned',
      version: undefined,
    });
    if (!milestone?.ok) throw new Error('Milestone fixture refused');
    const token = await outsiderAgent.csrfTokenFrom('/reviews/new');
    const parts = [
      '',
      '/milestones/new',
      `/milestones/${milestone.value.id}`,
      '/draft-requests/new',
      '/delays/new',
      '/final-report',
      '/publication',
    ];
    for (const part of parts) {
      const page = await outsiderAgent.get(pathOf(id, part));
      expect(page.status, part).toBe(404);
      expect(page.body).not.toContain(TERMS);
      const posted = await outsiderAgent.post(pathOf(id, part), {
        ...decision(),
        title: 'Intruder',
        ...dateFields('dueOn', '2027-01-12'),
        status: 'done',
        reason: 'Intruder',
        ...dateFields('revisedOn', '2028-01-01'),
        _csrf: token,
      });
      expect(posted.status, `POST ${part}`).toBe(404);
    }
    const file = await practice.ofCase(context, id);
    expect(file!.milestones.map((each) => each.title)).toEqual(['Panel meeting']);
    expect(file!.delays).toEqual([]);
    const outsiderContext = { partnershipId: bed.partnership.id, userId: bed.outsider.userId };
    expect(await practice.ofCase(outsiderContext, id)).toBeNull();
  });
});

describe('the final report and publication', () => {
  it('refuses a publication with no final report sent', async () => {
    const { id } = await decidedCase();
    const page = await agent.submit(pathOf(id, '/publication'), {
      ...dateFields('publishedOn', '2026-11-27'),
      publicationUrl: 'https://www.northshire.gov.uk/lcspr/child-q',
    });
    expect(page.status).toBe(400);
    expect(errorSummary(page)).toContain(
      'Record the date the final report was sent to the Panel and the Secretary of State before recording its publication',
    );
    expect((await reviewOf(id))?.publishedOn).toBeNull();
  });

  it('records the report, warns of a publication on short notice, and saves it with a reason', async () => {
    const { id } = await decidedCase();
    bed.clock.set('2027-06-15T09:00:00Z');
    await agent.signIn(bed.admin, bed.clock.now());

    const reportCases: [string, string][] = [
      ['2027-06-16', 'The date the report was sent must be today or in the past'],
      [
        '2026-11-26',
        'The date the report was sent must be on or after the decision to hold the review (27 November 2026)',
      ],
    ];
    for (const [date, message] of reportCases) {
      const page = await agent.submit(
        pathOf(id, '/final-report'),
        dateFields('finalReportSentOn', date),
      );
      expect(page.status, message).toBe(400);
      expect(errorSummary(page)).toContain(message);
    }
    const sent = await agent.submit(
      pathOf(id, '/final-report'),
      dateFields('finalReportSentOn', '2027-06-01'),
    );
    expect(sent.status).toBe(303);
    expect(await auditActions(id)).toContain('reviews.final_report_sent');

    const publish = (values: Fields) =>
      agent.submit(pathOf(id, '/publication'), {
        ...dateFields('publishedOn', '2027-06-08'),
        publicationUrl: 'https://www.northshire.gov.uk/lcspr/child-q',
        ...values,
      });
    const refusals: [Fields, string][] = [
      [
        dateFields('publishedOn', '2027-05-31'),
        'The publication date must be on or after the date the final report was sent to the Panel (1 June 2027)',
      ],
      [
        dateFields('publishedOn', '2027-06-16'),
        'The publication date must be today or in the past',
      ],
      [{ publicationUrl: 'http://www.northshire.gov.uk/lcspr' }, 'starting with https://'],
      [{ publicationUrl: 'northshire.gov.uk/lcspr' }, 'starting with https://'],
      [{ publicationUrl: 'javascript:alert(1)' }, 'starting with https://'],
      [{ publicationUrl: '' }, 'Enter the link to the published report'],
      [
        { 'publishedOn-day': '', 'publishedOn-month': '', 'publishedOn-year': '' },
        'Enter the date the review was published',
      ],
      [
        { notPublishedReason: 'The family asked us not to' },
        'Enter either the publication date and link, or the reason the review is not published, not both',
      ],
      [
        {
          'publishedOn-day': '',
          'publishedOn-month': '',
          'publishedOn-year': '',
          publicationUrl: '',
        },
        'Enter the date the review was published and its link, or the reason it is not published',
      ],
    ];
    for (const [values, message] of refusals) {
      const page = await publish(values);
      expect(page.status, message).toBe(400);
      expect(errorSummary(page), message).toContain(message);
    }

    // Tuesday 8 June 2027 is 5 working days after Tuesday 1 June: a warning, and a reason asked for.
    const warned = await publish({});
    expect(warned.status).toBe(400);
    const warning =
      'Publishing on 8 June 2027 is only 5 working days after the report went to the Panel on 1 June 2027; at least 7 are expected';
    expect(errorSummary(warned)).toContain(warning);
    expect(warned.$('#shortNoticeReason').length).toBe(1);
    expect(warned.$('#publicationUrl').val()).toBe('https://www.northshire.gov.uk/lcspr/child-q');
    expect((await reviewOf(id))?.publishedOn).toBeNull();
    expect((await agent.get(`/reviews/${id}`)).$('h1').text()).toContain('Local review');

    const published = await publish({ shortNoticeReason: 'To publish before the summer recess' });
    expect(published.status).toBe(303);
    expect(await reviewOf(id)).toMatchObject({
      publishedOn: '2027-06-08',
      publicationUrl: 'https://www.northshire.gov.uk/lcspr/child-q',
      shortNoticeReason: 'To publish before the summer recess',
      notPublishedReason: null,
    });
    const casePage = await agent.get(`/reviews/${id}`);
    expect(casePage.$('h1').text()).toContain('Action plan');
    const section = casePage.$('#practice-review-section').text();
    expect(section).toContain('Published on 8 June 2027');
    expect(section).toContain(`${warning}. Reason: To publish before the summer recess`);
    expect(casePage.$('a[href="https://www.northshire.gov.uk/lcspr/child-q"]').length).toBe(1);
    expect(casePage.$(`a[href="${pathOf(id, '/delays/new')}"]`).length).toBe(0);

    const events = (await services.audit.page(context, { entityId: id })).events;
    const recorded = events.find((event) => event.action === 'reviews.publication_recorded');
    expect(recorded?.after).toEqual({
      publishedOn: '2027-06-08',
      linked: true,
      notPublished: false,
      shortNotice: true,
    });

    // Once published: no delay, and the report cannot be dated after the publication.
    const delayPage = await agent.get(pathOf(id, '/delays/new'));
    expect(delayPage.$('#refusal').text()).toContain('publication of this review is recorded');
    const delay = await agent.submit(
      pathOf(id, '/delays/new'),
      { reason: 'Late', ...dateFields('revisedOn', '2027-12-01') },
      pathOf(id, '/milestones/new'),
    );
    expect(delay.status).toBe(400);
    expect(errorSummary(delay)).toContain('publication of this review is recorded');
    const lateReport = await agent.submit(
      pathOf(id, '/final-report'),
      dateFields('finalReportSentOn', '2027-06-09'),
    );
    expect(lateReport.status).toBe(400);
    expect(errorSummary(lateReport)).toContain(
      'The date the report was sent must be on or before the publication date (8 June 2027)',
    );

    // A later date with the full notice needs no reason, and drops the one given before.
    const onTime = await publish({
      ...dateFields('publishedOn', '2027-06-10'),
      shortNoticeReason: 'No longer needed',
    });
    expect(onTime.status).toBe(303);
    expect((await reviewOf(id))?.shortNoticeReason).toBeNull();
  });

  it('records the reason a review is not published, which stops its clocks', async () => {
    const { id } = await decidedCase();
    const saved = await agent.submit(pathOf(id, '/publication'), {
      notPublishedReason: 'Publication would identify the child',
    });
    expect(saved.status).toBe(303);
    const casePage = await agent.get(`/reviews/${id}`);
    expect(casePage.$('h1').text()).toContain('Action plan');
    expect(casePage.$('#practice-review-section').text()).toContain(
      'Not published: Publication would identify the child',
    );
    expect(casePage.$('#deadlines').text()).not.toContain('Publish the practice review');
  });

  it('keeps the typed publication on a stale edit and names who changed it', async () => {
    const { id } = await decidedCase();
    const form = await agent.get(pathOf(id, '/publication'));
    const version = String(form.$('input[name="version"]').val());
    await agent.submit(pathOf(id, '/final-report'), {
      ...dateFields('finalReportSentOn', '2027-06-01'),
      version,
    });
    const stale = await agent.submit(pathOf(id, '/publication'), {
      notPublishedReason: 'Typed before the report was recorded',
      version,
    });
    expect(stale.status).toBe(400);
    expect(errorSummary(stale)).toContain('changed this practice review');
    expect(stale.$('#notPublishedReason').text()).toContain('Typed before the report was recorded');
    expect((await reviewOf(id))?.notPublishedReason).toBeNull();
  });

  it('never writes a child detail into the audit trail', async () => {
    const { rows } = await bed.database.owner.pool.query(
      `select before::text, after::text from audit_event where entity_type in ('practice_review', 'review_milestone')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const detail of Object.values(FICTIONAL_CHILD)) expect(stored).not.toContain(detail);
  });
});
