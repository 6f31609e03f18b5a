import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { app, agent, outsiderAgent, services, context, notifiedCase, fixtures } = bed;
const { recommendations } = services.reviews;

const police = await fixtures.agency({ name: 'Northshire Police' });
const health = await fixtures.agency({ name: 'Northshire Integrated Care Board' });
const owner = await fixtures.person(police, { fullName: 'Priya Shah' });
const { token } = await services.apiTokens.create(context, { name: 'Tests' });

const recommendation = (extra: Record<string, string | string[]> = {}) => ({
  text: 'Agencies should check who lives in the household at every visit.',
  agencyIds: [police, health],
  ...extra,
});

/** Clock at Friday 27 November 2026: 18 December is ahead, 20 November is past. */
const newAction = (extra: Record<string, string> = {}) => ({
  title: 'Brief every neighbourhood team on household checks',
  ownerPersonId: owner,
  'dueOn-day': '18',
  'dueOn-month': '12',
  'dueOn-year': '2026',
  ...extra,
});

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

/** A case with one recommendation, added through its form. */
async function caseWithRecommendation() {
  const found = await notifiedCase();
  const added = await agent.submit(`/reviews/${found.id}/recommendations/new`, recommendation());
  expect(added.status).toBe(303);
  const plan = (await recommendations.ofCase(context, found.id))!;
  return { ...found, recommendationId: plan.items.at(-1)!.recommendation.id };
}

describe('recommendations', () => {
  it('numbers each recommendation of a case in turn and shows the agencies it applies to', async () => {
    const { id } = await notifiedCase();
    const first = await agent.submit(`/reviews/${id}/recommendations/new`, recommendation());
    expect(first.status).toBe(303);
    const second = await agent.submit(
      `/reviews/${id}/recommendations/new`,
      recommendation({ text: 'Health visitors should see the child alone.', agencyIds: health }),
    );
    expect(second.status).toBe(303);
    const page = await agent.get(`/reviews/${id}`);
    const cards = page.$('#recommendations ~ .govuk-summary-card');
    expect(cards.length).toBe(2);
    expect(text(page, '.govuk-summary-card:contains("Recommendation 1")')).toContain(
      'Applies to: Northshire Integrated Care Board, Northshire Police',
    );
    const secondCard = page
      .$('.govuk-summary-card')
      .filter((_, card) => page.$(card).find('h3').text().includes('Recommendation 2'));
    expect(secondCard.text()).toContain('Health visitors should see the child alone.');
    expect(secondCard.text()).toContain('No actions yet');
    expect(second.location).toMatch(new RegExp(`^/reviews/${id}#recommendation-`));
  });

  it('audits a recommendation without its words', async () => {
    const { recommendationId } = await caseWithRecommendation();
    const events = (await services.audit.page(context, { entityId: recommendationId })).events;
    expect(events.map((event) => event.action)).toEqual(['reviews.recommendation_added']);
    expect(JSON.stringify(events)).not.toContain('household');
  });

  it('explains every bad input, keeps what was typed, and writes nothing', async () => {
    const { id } = await notifiedCase();
    const before = await auditCount('reviews.recommendation_added');
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ text: '  ' }, 'text', 'Enter the recommendation'],
      [{ agencyIds: [] }, 'agencyIds', 'Select the agencies the recommendation applies to'],
      [
        { agencyIds: [police, '6f1d2c3b-0000-4000-8000-000000000000'] },
        'agencyIds',
        'Select agencies from the list',
      ],
      [{ agencyIds: 'not-an-id' }, 'agencyIds', 'Select agencies from the list'],
      [
        { text: `Agencies did not see ${FICTIONAL_CHILD.childName} alone.` },
        'text',
        "Remove the child's name",
      ],
      [{ text: 'x'.repeat(4001) }, 'text', 'The recommendation must be 4000 characters or fewer'],
    ];
    for (const [values, field, message] of cases) {
      const page = await agent.submit(`/reviews/${id}/recommendations/new`, recommendation(values));
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
      expect(page.$(`.govuk-error-summary a[href="#${field}"]`).length, message).toBe(1);
    }
    const kept = await agent.submit(
      `/reviews/${id}/recommendations/new`,
      recommendation({ text: 'Kept text', agencyIds: [health, 'not-an-id'] }),
    );
    expect(kept.$('#text').val()).toBe('Kept text');
    expect(kept.$(`input[name="agencyIds"][value="${health}"]`).attr('checked')).toBeDefined();
    expect(kept.$(`input[name="agencyIds"][value="${police}"]`).attr('checked')).toBeUndefined();
    expect((await recommendations.ofCase(context, id))!.items).toEqual([]);
    expect(await auditCount('reviews.recommendation_added')).toBe(before);
  });

  it('changes a recommendation, and names who changed it first on a stale edit', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const url = `/reviews/${id}/recommendations/${recommendationId}`;
    const viewsBefore = (await services.audit.page(context, { entityId: id, action: 'viewed' }))
      .events.length;
    const form = await agent.get(url);
    expect(form.$('h1').text()).toBe('Change recommendation 1');
    expect(
      (await services.audit.page(context, { entityId: id, action: 'viewed' })).events.length,
    ).toBe(viewsBefore + 1);
    expect(form.$('#text').val()).toContain('household');
    expect(form.$(`input[name="agencyIds"][value="${police}"]`).attr('checked')).toBeDefined();
    const version = String(form.$('input[name="version"]').val());
    const saved = await agent.submit(
      url,
      recommendation({ text: 'Changed wording', agencyIds: [police], version }),
    );
    expect(saved.status).toBe(303);
    const found = (await recommendations.find(context, id, recommendationId))!;
    expect(found.recommendation.text).toBe('Changed wording');
    expect(found.recommendation.number).toBe(1);
    expect(found.agencies.map((agency) => agency.name)).toEqual(['Northshire Police']);
    const stale = await agent.submit(url, recommendation({ text: 'Other wording', version }));
    expect(stale.status).toBe(400);
    expect(stale.$('.govuk-error-summary').text()).toContain(
      'Alex Morgan changed this recommendation',
    );
    expect(stale.$('#text').val()).toBe('Other wording');
    expect(stale.$('input[name="version"]').val()).toBe(String(found.recommendation.version));
    expect((await recommendations.find(context, id, recommendationId))!.recommendation.text).toBe(
      'Changed wording',
    );
    const events = (await services.audit.page(context, { entityId: recommendationId })).events;
    expect(events.map((event) => event.action)).toContain('reviews.recommendation_changed');
  });

  it('gives 404 for a recommendation of another case', async () => {
    const { recommendationId } = await caseWithRecommendation();
    const other = await notifiedCase();
    const page = await agent.get(`/reviews/${other.id}/recommendations/${recommendationId}`);
    expect(page.status).toBe(404);
  });
});

describe('actions from a recommendation', () => {
  it('puts the action in the one action log, its source the review reference only', async () => {
    const { id, reference, recommendationId } = await caseWithRecommendation();
    const url = `/reviews/${id}/recommendations/${recommendationId}/actions/new`;
    const form = await agent.get(url);
    expect(form.$('#title-hint').text()).toContain("Do not include a child's name");
    const added = await agent.submit(url, newAction());
    expect(added.status).toBe(303);
    expect(added.location).toBe(`/reviews/${id}#recommendation-${recommendationId}`);
    const source = `Review ${reference}, recommendation 1`;

    const log = await agent.get('/actions');
    const row = log
      .$('tr')
      .filter((_, tr) => log.$(tr).text().includes('Brief every neighbourhood team'))
      .last();
    expect(row.text()).toContain(source);
    expect(log.body).not.toContain(FICTIONAL_CHILD.childName);

    const [planned] = (await recommendations.ofCase(context, id))!.items[0]!.actions;
    expect(planned).toMatchObject({
      title: 'Brief every neighbourhood team on household checks',
      ownerName: 'Priya Shah',
      agencyName: 'Northshire Police',
      dueOn: '2026-12-18',
      statusName: 'Open',
      overdue: false,
    });
    const actionId = planned!.id;
    const shown = await outsiderAgent.get(`/actions/${actionId}`);
    expect(shown.status).toBe(200);
    expect(text(shown, '.govuk-summary-list')).toContain(source);
    expect(shown.body).not.toContain(FICTIONAL_CHILD.childName);
    expect(shown.$(`a[href^="/reviews/${id}"]`).length).toBe(0);

    const csv = await agent.get('/actions.csv');
    const line = csv.body.split('\n').find((each) => each.includes('Brief every neighbourhood'));
    expect(line).toContain(source);

    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/actions/${actionId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.json().source).toEqual({
      type: 'review_recommendation',
      kind: 'review',
      reference: null,
      itemTitle: null,
      meetingId: null,
      meetingStartsAt: null,
      body: null,
      reviewReference: reference,
      recommendationNumber: 1,
    });
    const events = (await services.audit.page(context, { entityId: actionId })).events;
    expect(events[0]).toMatchObject({ action: 'action.recorded' });
  });

  it('refuses a past due date, no owner, no title or a child’s name, and writes nothing', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const url = `/reviews/${id}/recommendations/${recommendationId}/actions/new`;
    const cases: [Record<string, string>, string, string][] = [
      [
        { 'dueOn-day': '20', 'dueOn-month': '11' },
        'dueOn',
        'The due date must be today or in the future',
      ],
      [{ 'dueOn-day': '' }, 'dueOn', 'Due date must include a day'],
      [{ ownerPersonId: '' }, 'ownerPersonId', 'Select who owns the action'],
      [
        { ownerPersonId: '6f1d2c3b-0000-4000-8000-000000000000' },
        'ownerPersonId',
        'Select who owns the action',
      ],
      [{ title: '' }, 'title', 'Enter what the action is'],
      [{ title: 'Visit Zebedee at school' }, 'title', "Remove the child's name"],
    ];
    for (const [values, field, message] of cases) {
      const page = await agent.submit(url, newAction(values));
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
      expect(page.$(`.govuk-error-summary a[href="#${field}"]`).length, message).toBe(1);
    }
    const kept = await agent.submit(url, newAction({ 'dueOn-day': '20', 'dueOn-month': '11' }));
    expect(kept.$('#title').val()).toBe('Brief every neighbourhood team on household checks');
    expect(kept.$('#dueOn-day').val()).toBe('20');
    expect((await recommendations.ofCase(context, id))!.items[0]!.actions).toEqual([]);
  });

  it('accepts today as the due date, and refuses moving it into the past later', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const added = await recommendations.addAction(context, id, recommendationId, {
      title: 'Due today',
      ownerPersonId: owner,
      dueOn: '2026-11-27',
    });
    expect(added?.ok).toBe(true);
    const actionId = added!.ok ? added!.value.id : '';
    const moved = await services.actions.change(context, actionId, {
      ownerPersonId: owner,
      dueOn: '2026-11-26',
      reason: 'Typed the wrong day',
      version: 1,
    });
    expect(moved).toEqual({
      ok: false,
      errors: { dueOn: 'The due date must be today or in the future' },
    });
  });
});

describe('progress from the actions', () => {
  it('changes when an action is closed with its evidence, for the case and the yearly figures', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const other = await caseWithRecommendation();
    const add = (title: string) =>
      recommendations.addAction(context, id, recommendationId, {
        title,
        ownerPersonId: owner,
        dueOn: '2026-12-18',
      });
    await add('First action');
    await add('Second action');
    const plan = (await recommendations.ofCase(context, id))!;
    expect(plan.progress).toEqual({
      recommendations: 1,
      completedRecommendations: 0,
      actions: 2,
      doneActions: 0,
      overdueActions: 0,
    });
    const figuresBefore = await recommendations.completionFigures(context, [id, other.id]);
    expect(figuresBefore).toEqual({ recommendations: 2, completed: 0 });

    let page = await agent.get(`/reviews/${id}`);
    expect(text(page, `#recommendation-${recommendationId} h3`)).toContain('0 of 2 actions done');

    const [first, second] = plan.items[0]!.actions;
    const close = (actionId: string, evidence: string) =>
      services.actions.recordUpdate(
        context,
        actionId,
        {
          note: 'Finished',
          status: 'closed',
          closingEvidence: evidence,
          cancelReason: null,
          version: 1,
        },
        { runsMeetings: true },
      );
    expect((await close(first!.id, 'Briefing slides and attendance list')).ok).toBe(true);
    page = await agent.get(`/reviews/${id}`);
    expect(text(page, `#recommendation-${recommendationId} h3`)).toContain('1 of 2 actions done');
    expect(text(page, `#recommendation-${recommendationId} table`)).toContain(
      'Briefing slides and attendance list',
    );
    expect(text(page, `#recommendation-${recommendationId} table`)).toContain('Not closed yet');

    expect((await close(second!.id, 'Audit of twenty visits')).ok).toBe(true);
    page = await agent.get(`/reviews/${id}`);
    expect(text(page, `#recommendation-${recommendationId} h3`)).toContain('Complete');
    expect(text(page, '#plan-progress')).toContain('Recommendations complete 1 of 1');
    expect(text(page, '#plan-progress')).toContain('Actions done or closed 2 of 2');
    expect(await recommendations.completionFigures(context, [id, other.id])).toEqual({
      recommendations: 2,
      completed: 1,
    });
    expect(await recommendations.completionFigures(context, [other.id])).toEqual({
      recommendations: 1,
      completed: 0,
    });
    expect(await recommendations.completionFigures(context, [])).toEqual({
      recommendations: 0,
      completed: 0,
    });
    const all = await recommendations.completionFigures(context);
    expect(all.completed).toBeGreaterThanOrEqual(1);
    expect(all.recommendations).toBeGreaterThanOrEqual(2);
  });

  it('counts overdue actions once the clock passes their due date; one may still change owner', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const added = await recommendations.addAction(context, id, recommendationId, {
      title: 'Due on Monday',
      ownerPersonId: owner,
      dueOn: '2026-11-30',
    });
    const actionId = added!.ok ? added!.value.id : '';
    const colleague = await fixtures.person(police, { fullName: 'Sam Reid' });
    bed.clock.set('2026-12-01T09:00:00Z');
    try {
      const plan = (await recommendations.ofCase(context, id))!;
      expect(plan.progress.overdueActions).toBe(1);
      expect(plan.items[0]!.progress.overdue).toBe(1);
      const handedOver = await services.actions.change(context, actionId, {
        ownerPersonId: colleague,
        dueOn: '2026-11-30',
        reason: 'Priya is on leave',
        version: 1,
      });
      expect(handedOver).toEqual({ ok: true, value: true });
    } finally {
      bed.clock.set('2026-11-27T09:00:00Z');
    }
  });
});

describe('someone outside the case team', () => {
  it('gets 404 on every recommendation page and form, and changes nothing', async () => {
    const { id, recommendationId } = await caseWithRecommendation();
    const base = `/reviews/${id}/recommendations`;
    for (const url of [
      `${base}/new`,
      `${base}/${recommendationId}`,
      `${base}/${recommendationId}/actions/new`,
    ]) {
      const page = await outsiderAgent.get(url);
      expect(page.status, url).toBe(404);
      expect(page.body).not.toContain('household');
    }
    const csrf = await outsiderAgent.csrfTokenFrom('/reviews/new');
    const posts: [string, Record<string, string | string[]>][] = [
      [`${base}/new`, recommendation()],
      [`${base}/${recommendationId}`, recommendation({ text: 'Hijacked', version: '1' })],
      [`${base}/${recommendationId}/actions/new`, newAction()],
    ];
    for (const [url, fields] of posts) {
      const page = await outsiderAgent.post(url, { ...fields, _csrf: csrf });
      expect(page.status, url).toBe(404);
    }
    const plan = (await recommendations.ofCase(context, id))!;
    expect(plan.items.map((item) => item.recommendation.text)).toEqual([recommendation().text]);
    expect(plan.items[0]!.actions).toEqual([]);
    const outsiderContext = { partnershipId: context.partnershipId, userId: bed.outsider.userId };
    expect(await recommendations.ofCase(outsiderContext, id)).toBeNull();
  });
});
