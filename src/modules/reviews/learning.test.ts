import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/http/session-hook.js';
import { text, type Agent } from '../../testing/agent.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { app, agent, outsiderAgent, services, context, notifiedCase, fixtures } = bed;
const { learning, recommendations } = services.reviews;

const police = await fixtures.agency({ name: 'Northshire Police' });
const schools = await fixtures.agency({ name: 'Northshire Schools Service' });
const board = await fixtures.body({ name: 'Practice Review Group' });

/** Clock at Friday 27 November 2026; the fixture's case became known on 23 November. */
const sharing = (extra: Record<string, string> = {}) => ({
  bodyId: board,
  agencyId: '',
  'disseminatedOn-day': '26',
  'disseminatedOn-month': '11',
  'disseminatedOn-year': '2026',
  ...extra,
});

const download = (from: Agent, caseId: string) =>
  app.inject({
    method: 'GET',
    url: `/reviews/${caseId}/learning/briefing.docx`,
    cookies: { [SESSION_COOKIE]: from.cookie(SESSION_COOKIE)! },
  });

const auditCount = async (action: string) =>
  (await services.audit.page(context, { action })).events.length;

describe('learning points', () => {
  it('are recorded for a good-practice case too, listed on the case, and audited without their words', async () => {
    const { id } = await notifiedCase({ kind: 'good_practice', criteria: [] });
    const added = await agent.submit(`/reviews/${id}/learning/points/new`, {
      text: 'Early help plans worked when one lead professional held them.',
    });
    expect(added.status).toBe(303);
    expect(added.location).toBe(`/reviews/${id}#learning`);
    const page = await agent.get(`/reviews/${id}`);
    expect(text(page, '#learning-points')).toContain('one lead professional held them');
    const point = (await learning.ofCase(context, id))!.points[0]!;
    const events = (await services.audit.page(context, { entityId: point.id })).events;
    expect(events.map((event) => event.action)).toEqual(['reviews.learning_point_added']);
    expect(JSON.stringify(events)).not.toContain('lead professional');
  });

  it('refuses a blank point or one naming the child, keeping what was typed', async () => {
    const { id } = await notifiedCase();
    const before = await auditCount('reviews.learning_point_added');
    const cases: [string, string][] = [
      ['   ', 'Enter the learning point'],
      [`Nobody asked ${FICTIONAL_CHILD.childName} what life was like`, "Remove the child's name"],
      ['Quillfeather was not seen for six weeks', "Remove the child's name"],
    ];
    for (const [typed, message] of cases) {
      const page = await agent.submit(`/reviews/${id}/learning/points/new`, { text: typed });
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text()).toContain(message);
      expect(page.$('.govuk-error-summary a[href="#text"]').length).toBe(1);
      expect(page.$('#text').val()).toBe(typed);
    }
    expect((await learning.ofCase(context, id))!.points).toEqual([]);
    expect(await auditCount('reviews.learning_point_added')).toBe(before);
  });

  it('changes a point, and says who changed it first on a stale edit', async () => {
    const { id } = await notifiedCase();
    const added = await learning.addPoint(context, id, {
      text: 'First wording',
      version: undefined,
    });
    const point = added!.ok ? added!.value : null;
    const url = `/reviews/${id}/learning/points/${point!.id}`;
    const form = await agent.get(url);
    expect(form.$('#text').val()).toBe('First wording');
    const saved = await agent.submit(url, { text: 'Second wording', version: '1' });
    expect(saved.status).toBe(303);
    const stale = await agent.submit(url, { text: 'Third wording', version: '1' });
    expect(stale.status).toBe(400);
    expect(stale.$('.govuk-error-summary').text()).toContain(
      'Alex Morgan changed this learning point',
    );
    expect(stale.$('#text').val()).toBe('Third wording');
    expect(stale.$('input[name="version"]').val()).toBe('2');
    expect((await learning.ofCase(context, id))!.points.map((each) => each.text)).toEqual([
      'Second wording',
    ]);
  });
});

describe('where the learning was shared', () => {
  it('records a body or an agency with the date, newest first', async () => {
    const { id } = await notifiedCase();
    expect(
      (await agent.submit(`/reviews/${id}/learning/disseminations/new`, sharing())).status,
    ).toBe(303);
    const toAgency = await agent.submit(
      `/reviews/${id}/learning/disseminations/new`,
      sharing({ bodyId: '', agencyId: schools, 'disseminatedOn-day': '27' }),
    );
    expect(toAgency.status).toBe(303);
    const page = await agent.get(`/reviews/${id}`);
    const rows = page
      .$('#disseminations tbody tr')
      .map((_, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(rows).toEqual([
      'Northshire Schools Service (agency) 27 November 2026',
      'Practice Review Group (body) 26 November 2026',
    ]);
    const events = (await services.audit.page(context, { entityId: id })).events;
    expect(events.filter((event) => event.action === 'reviews.learning_disseminated')).toHaveLength(
      2,
    );
  });

  it('refuses both or neither recipient, an unknown one, a future date or one before the case', async () => {
    const { id } = await notifiedCase();
    const before = await auditCount('reviews.learning_disseminated');
    const cases: [Record<string, string>, string, string][] = [
      [{ bodyId: board, agencyId: police }, 'bodyId', 'Select a body or an agency, not both'],
      [
        { bodyId: '', agencyId: '' },
        'bodyId',
        'Select the body or the agency the learning was shared with',
      ],
      [{ bodyId: '6f1d2c3b-0000-4000-8000-000000000000' }, 'bodyId', 'Select a body from the list'],
      [{ bodyId: 'nonsense' }, 'bodyId', 'Select a body from the list'],
      [
        { bodyId: '', agencyId: '6f1d2c3b-0000-4000-8000-000000000000' },
        'agencyId',
        'Select an agency from the list',
      ],
      [{ 'disseminatedOn-day': '28' }, 'disseminatedOn', 'must be today or in the past'],
      [{ 'disseminatedOn-day': '20' }, 'disseminatedOn', 'must be on or after 23 November 2026'],
      [{ 'disseminatedOn-day': '' }, 'disseminatedOn', 'must include a day'],
      [
        { 'disseminatedOn-day': '31', 'disseminatedOn-month': '2' },
        'disseminatedOn',
        'must be a real date',
      ],
    ];
    for (const [values, field, message] of cases) {
      const page = await agent.submit(
        `/reviews/${id}/learning/disseminations/new`,
        sharing(values),
      );
      expect(page.status, message).toBe(400);
      expect(page.$('.govuk-error-summary').text(), message).toContain(message);
      expect(page.$(`.govuk-error-summary a[href="#${field}"]`).length, message).toBe(1);
    }
    const kept = await agent.submit(
      `/reviews/${id}/learning/disseminations/new`,
      sharing({ agencyId: police }),
    );
    expect(kept.$('#bodyId option:selected').val()).toBe(board);
    expect(kept.$('#agencyId option:selected').val()).toBe(police);
    expect(kept.$('#disseminatedOn-day').val()).toBe('26');
    expect((await learning.ofCase(context, id))!.disseminations).toEqual([]);
    expect(await auditCount('reviews.learning_disseminated')).toBe(before);
  });
});

describe('the learning briefing', () => {
  it('is a Word document of the reference, kind, learning, recommendations and sharing, naming no child', async () => {
    const { id, reference } = await notifiedCase();
    await learning.addPoint(context, id, {
      text: 'Professional curiosity about who lives in the home.\n\nAsk at every visit.',
      version: undefined,
    });
    await recommendations.add(context, id, {
      text: 'Agencies should record every adult in the household.',
      agencyIds: [police, schools],
      version: undefined,
    });
    await learning.addDissemination(context, id, {
      bodyId: board,
      agencyId: null,
      disseminatedOn: '2026-11-26',
    });
    const response = await download(agent, id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(
      `filename="${reference}-learning-briefing.docx"`,
    );
    const bytes = response.rawPayload;
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines).toEqual([
      `Learning briefing: ${reference}`,
      'Review: Serious incident: rapid review',
      'Produced on 27 November 2026',
      'What we learned',
      'Professional curiosity about who lives in the home.',
      'Ask at every visit.',
      'Recommendations',
      'Recommendation 1. Agencies should record every adult in the household.',
      'Applies to: Northshire Police, Northshire Schools Service',
      'Where this learning has been shared',
      'Practice Review Group, 26 November 2026',
    ]);
    for (const detail of Object.values(FICTIONAL_CHILD)) expect(value).not.toContain(detail);
    expect(value).not.toContain('Zebedee');
    expect(value).not.toContain('4 July 2015');
    const events = (await services.audit.page(context, { entityId: id })).events;
    expect(events.map((event) => event.action)).toContain('reviews.learning_briefing_downloaded');
  });

  it('says what is missing for a good-practice case with nothing recorded yet', async () => {
    const { id } = await notifiedCase({ kind: 'good_practice', criteria: [] });
    const document = (await learning.briefing(context, id))!;
    const { value } = await mammoth.extractRawText({ buffer: document.content });
    expect(value).toContain('Review: Good practice review');
    expect(value).toContain('No learning points have been recorded yet.');
    expect(value).toContain('The review made no recommendations.');
    expect(value).toContain('Not shared yet.');
  });
});

describe('someone outside the case team', () => {
  it('gets 404 on every learning page, form and the briefing, and changes nothing', async () => {
    const { id } = await notifiedCase();
    const added = await learning.addPoint(context, id, {
      text: 'Kept private',
      version: undefined,
    });
    const pointId = added!.ok ? added!.value.id : '';
    const base = `/reviews/${id}/learning`;
    for (const url of [
      `${base}/points/new`,
      `${base}/points/${pointId}`,
      `${base}/disseminations/new`,
      `${base}/briefing.docx`,
    ]) {
      const page = await outsiderAgent.get(url);
      expect(page.status, url).toBe(404);
      expect(page.body).not.toContain('Kept private');
    }
    const csrf = await outsiderAgent.csrfTokenFrom('/reviews/new');
    const posts: [string, Record<string, string>][] = [
      [`${base}/points/new`, { text: 'Intruding' }],
      [`${base}/points/${pointId}`, { text: 'Intruding', version: '1' }],
      [`${base}/disseminations/new`, sharing()],
    ];
    for (const [url, fields] of posts) {
      const page = await outsiderAgent.post(url, { ...fields, _csrf: csrf });
      expect(page.status, url).toBe(404);
    }
    const file = (await learning.ofCase(context, id))!;
    expect(file.points.map((point) => point.text)).toEqual(['Kept private']);
    expect(file.disseminations).toEqual([]);
    const outsiderContext = { partnershipId: context.partnershipId, userId: bed.outsider.userId };
    expect(await learning.briefing(outsiderContext, id)).toBeNull();
  });
});
