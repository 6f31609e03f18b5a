import type { TenantContext } from '../db/client.js';
import type { Services } from '../composition.js';
import type { WorkingCalendar } from '../platform/working-days.js';
import type { NotificationInput } from '../modules/reviews/reviews.forms.js';
import { dayOf, monthsAgo } from './demo-dates.js';
import { required, type DemoRegistryIds } from './demo-registry.js';
import { DEFAULT_TIMESCALES } from '../modules/calendar/timescales.js';

interface DemoReviews {
  services: Services;
  context: TenantContext;
  ids: DemoRegistryIds;
  today: string;
  calendar: WorkingCalendar;
}

/** `count` working days before today (after it when negative). */
const workingDaysAgo = (demo: DemoReviews, count: number) =>
  demo.calendar.addWorkingDays(demo.today, -count);

/**
 * The day of awareness that puts the Panel's notification due `left` working days from today,
 * counted from the day itself: on a Saturday "two working days ago" would leave four.
 */
const awareForNotificationDueIn = (demo: DemoReviews, left: number) =>
  demo.calendar.addWorkingDays(
    demo.calendar.addWorkingDays(demo.today, left),
    -DEFAULT_TIMESCALES.notificationWorkingDays,
  );

/**
 * Case reviews at every stage, with fictional children (no real person has these names):
 * a notification due within days, one overdue, a rapid review under way, a practice review
 * in progress, a published one with its action plan, and a good-practice case. The demo
 * administrator is on every case team.
 */
export async function loadDemoReviews(
  services: Services,
  context: TenantContext,
  ids: DemoRegistryIds,
) {
  const demo: DemoReviews = {
    services,
    context,
    ids,
    today: services.governance.today(),
    calendar: await services.calendar.workingCalendar(context),
  };
  const dueSoonAware = awareForNotificationDueIn(demo, 3);
  await notify(demo, {
    reference: reference(demo, 'SI', 14, dueSoonAware),
    awareOn: dueSoonAware,
    childName: 'Ellory Marchbank',
  });
  await notify(demo, {
    reference: reference(demo, 'SI', 12, workingDaysAgo(demo, 8)),
    awareOn: workingDaysAgo(demo, 8),
    partnersNotifiedOn: workingDaysAgo(demo, 6),
    childName: 'Juniper Ashcombe',
  });
  await rapidReviewUnderWay(demo);
  await practiceReviewInProgress(demo);
  await publishedReview(demo);
  await goodPracticeCase(demo);
}

const reference = (demo: DemoReviews, prefix: string, number: number, awareOn: string) =>
  `${prefix}-${awareOn.slice(0, 4)}-${String(number).padStart(3, '0')}`;

async function notify(demo: DemoReviews, values: Partial<NotificationInput> & { awareOn: string }) {
  const { ids } = demo;
  const outcome = await demo.services.reviews.cases.notify(demo.context, {
    reference: '',
    kind: 'serious_incident',
    criteria: ['abuse_or_neglect', 'serious_harm'],
    agencyIds: [ids.agencies.childrensTrust, ids.agencies.police, ids.agencies.communityHealth],
    panelNotifiedOn: null,
    ofstedNotifiedOn: null,
    partnersNotifiedOn: null,
    childName: '',
    dateOfBirth: null,
    nhsNumber: null,
    address: null,
    ...values,
  });
  return required(outcome, `the case ${values.reference}`).id;
}

/** Notified on time (every party told the same day), so the rapid review clock runs. */
async function notified(
  demo: DemoReviews,
  number: number,
  awareOn: string,
  childName: string,
  told: string,
) {
  return notify(demo, {
    reference: reference(demo, 'SI', number, awareOn),
    awareOn,
    panelNotifiedOn: told,
    ofstedNotifiedOn: told,
    partnersNotifiedOn: told,
    childName,
    dateOfBirth: '2016-02-11',
    nhsNumber: '9990000034',
    address: '7 Sorrel Yard, Northshire',
  });
}

async function rapidReviewUnderWay(demo: DemoReviews) {
  const { services, context, ids } = demo;
  const caseId = await notified(
    demo,
    9,
    workingDaysAgo(demo, 12),
    'Rowan Tillbrook',
    workingDaysAgo(demo, 10),
  );
  required((await services.reviews.rapidReviews.start(context, caseId))!, 'a rapid review');
  const ask = async (
    agencyId: string,
    askedFor: 'chronology' | 'summary',
    returnedOn: string | null,
  ) =>
    required(
      (await services.reviews.rapidReviews.requests.add(context, caseId, {
        agencyId,
        askedFor,
        askedForOther: null,
        requestedOn: workingDaysAgo(demo, 9),
        dueOn: workingDaysAgo(demo, 4),
        returnedOn,
        version: undefined,
      }))!,
      'an information request',
    );
  await ask(ids.agencies.childrensTrust, 'chronology', workingDaysAgo(demo, 5));
  await ask(ids.agencies.police, 'chronology', workingDaysAgo(demo, 4));
  await ask(ids.agencies.communityHealth, 'summary', null);
}

/** Rapid review outcome: a local review, decided and sent to the Panel in time. */
async function localReviewDecided(
  demo: DemoReviews,
  caseId: string,
  decidedOn: string,
  sentOn: string,
) {
  const { services, context } = demo;
  const rapid = services.reviews.rapidReviews;
  required((await rapid.start(context, caseId))!, 'a rapid review');
  const outcome = required(
    (await rapid.recordOutcome(context, caseId, {
      outcome: 'local_review',
      learningScope: undefined,
      criteriaMet: ['reg11_a', 'reg11_c'],
      rationale:
        'Agencies held information about escalating neglect that was not brought together; a local review can examine how the agencies worked together.',
      decidedOn,
      version: 1,
    }))!,
    'a rapid review outcome',
  );
  required(
    (await rapid.recordPanel(context, caseId, {
      sentToPanelOn: sentOn,
      panelResponseOn: null,
      panelResponse: null,
      version: outcome.version,
    }))!,
    'the date sent to the Panel',
  );
}

async function decidePracticeReview(demo: DemoReviews, caseId: string, decidedOn: string) {
  required(
    (await demo.services.reviews.practiceReviews.saveDecision(demo.context, caseId, {
      decidedOn,
      methodology: 'Systems review with a practitioner learning event',
      reviewers: 'An independent lead reviewer commissioned by the partnership',
      termsOfReference:
        'How agencies recognised and responded to neglect; how information was shared between health, police and children’s social care; the voice of the child in assessments.',
      version: undefined,
    }))!,
    'a practice review decision',
  );
}

async function practiceReviewInProgress(demo: DemoReviews) {
  const { services, context, today } = demo;
  const aware = dayOf(monthsAgo(4), today);
  const caseId = await notified(
    demo,
    5,
    aware,
    'Sable Fenwright',
    demo.calendar.addWorkingDays(aware, 3),
  );
  await localReviewDecided(
    demo,
    caseId,
    demo.calendar.addWorkingDays(aware, 12),
    demo.calendar.addWorkingDays(aware, 14),
  );
  await decidePracticeReview(demo, caseId, demo.calendar.addWorkingDays(aware, 20));
  const practice = services.reviews.practiceReviews;
  const milestone = async (
    title: string,
    dueOn: string,
    status: 'planned' | 'in_progress' | 'done',
  ) =>
    required(
      (await practice.addMilestone(context, caseId, { title, dueOn, status, version: undefined }))!,
      'a milestone',
    );
  await milestone('Agency chronologies merged', dayOf(monthsAgo(2), today), 'done');
  await milestone('Practitioner learning event', dayOf(monthsAgo(0, 10), today), 'in_progress');
  await milestone('First draft report to the review group', dayOf(monthsAgo(-1), today), 'planned');
  required(
    (await practice.requestDraft(context, caseId, {
      requestedOn: dayOf(monthsAgo(0, 7), today),
      request: 'Please send the first draft to the review group two weeks before its next meeting.',
    }))!,
    'a draft request',
  );
}

async function publishedReview(demo: DemoReviews) {
  const { services, context, ids, today } = demo;
  const aware = dayOf(monthsAgo(11), today);
  const caseId = await notified(
    demo,
    21,
    aware,
    'Odile Harrowgate',
    demo.calendar.addWorkingDays(aware, 4),
  );
  await localReviewDecided(
    demo,
    caseId,
    demo.calendar.addWorkingDays(aware, 13),
    demo.calendar.addWorkingDays(aware, 15),
  );
  await decidePracticeReview(demo, caseId, demo.calendar.addWorkingDays(aware, 22));
  const practice = services.reviews.practiceReviews;
  const sentOn = dayOf(monthsAgo(2, 10), today);
  const version = async () => (await practice.ofCase(context, caseId))!.review!.version;
  required(
    (await practice.recordFinalReport(context, caseId, {
      finalReportSentOn: sentOn,
      version: await version(),
    }))!,
    'the final report',
  );
  required(
    (await practice.recordPublication(context, caseId, {
      publishedOn: demo.calendar.addWorkingDays(sentOn, 10),
      publicationUrl: 'https://www.northshire.example/safeguarding/reviews/published-review',
      notPublishedReason: null,
      shortNoticeReason: null,
      version: await version(),
    }))!,
    'the publication',
  );
  const recommendations = services.reviews.recommendations;
  const recommend = async (text: string, agencyIds: string[]) =>
    required(
      (await recommendations.add(context, caseId, { text, agencyIds, version: undefined }))!,
      'a recommendation',
    ).id;
  const first = await recommend(
    'Agencies should share concerns about neglect through a single multi-agency chronology held by children’s social care.',
    [ids.agencies.childrensTrust, ids.agencies.communityHealth],
  );
  const second = await recommend(
    'Police and health should agree how domestic abuse notifications reach the child’s health visitor within one working day.',
    [ids.agencies.police, ids.agencies.communityHealth],
  );
  const act = async (
    recommendationId: string,
    title: string,
    owner: keyof DemoRegistryIds['people'],
    dueInWorkingDays: number,
  ) =>
    required(
      (await recommendations.addAction(context, caseId, recommendationId, {
        title,
        ownerPersonId: ids.people[owner],
        dueOn: demo.calendar.addWorkingDays(today, dueInWorkingDays),
      }))!,
      `the action ${title}`,
    ).id;
  const done = await act(
    first,
    'Launch the shared neglect chronology template',
    'principalSocialWorker',
    15,
  );
  await act(first, 'Audit ten cases for use of the shared chronology', 'trustQualityDirector', 40);
  await act(
    second,
    'Agree the notification pathway with the health visiting service',
    'publicProtectionHead',
    25,
  );
  required(
    await services.actions.recordUpdate(
      context,
      done,
      {
        note: 'Template launched at the practitioner forum.',
        status: 'closed',
        closingEvidence: 'Template on the partnership website; briefing sent to all team managers.',
        cancelReason: null,
        version: 1,
      },
      { runsMeetings: true },
    ),
    'an action update',
  );
  await shareLearning(demo, caseId, [
    'Neglect is cumulative: a single chronology shows what separate records hide.',
    'Ask who else knows the family before closing a referral.',
  ]);
}

async function goodPracticeCase(demo: DemoReviews) {
  const aware = dayOf(monthsAgo(1, 5), demo.today);
  const caseId = await notify(demo, {
    reference: reference(demo, 'GP', 2, aware),
    kind: 'good_practice',
    awareOn: aware,
    criteria: [],
    childName: 'Wren Castlemaine',
  });
  await shareLearning(demo, caseId, [
    'A school nurse, a youth worker and a social worker met weekly and kept the young person at the centre of every plan.',
  ]);
}

async function shareLearning(demo: DemoReviews, caseId: string, points: string[]) {
  const { services, context, ids, today } = demo;
  for (const text of points)
    required(
      (await services.reviews.learning.addPoint(context, caseId, { text, version: undefined }))!,
      'a learning point',
    );
  for (const bodyId of [ids.bodies.learningAndTraining, ids.bodies.safeguardingLeads])
    required(
      (await services.reviews.learning.addDissemination(context, caseId, {
        bodyId,
        agencyId: null,
        disseminatedOn: demo.calendar.addWorkingDays(today, -3),
      }))!,
      'a dissemination',
    );
}
