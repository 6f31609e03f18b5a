import type { TenantContext } from '../db/client.js';
import type { Services } from '../composition.js';
import type { WorkingCalendar } from '../platform/working-days.js';
import type { AgendaItemInput } from '../modules/meetings/agenda.forms.js';
import type { DecisionInput } from '../modules/meetings/decisions.forms.js';
import type { AttendanceStatus } from '../modules/meetings/meetings.vocabulary.js';
import { dayOf, monthsAgo, monthsAhead, type DemoDate } from './demo-dates.js';
import { required, seatKey, type DemoRegistryIds } from './demo-registry.js';
import { PARTNERSHIP_STANDING_ITEMS } from './demo-standing-items.js';
import type { BodyKey, PersonKey } from './demo-structure.js';

const FORUM_STANDING_ITEMS = [
  'Progress reports from the sub-groups and priority groups',
  'Agenda for the next Partnership meeting',
];
const LOCATION = 'Northshire Council House, Committee Room 2';

interface DemoMeetings {
  services: Services;
  context: TenantContext;
  ids: DemoRegistryIds;
  today: string;
  calendar: WorkingCalendar;
}

/**
 * A season of meetings through the meetings services, as the business unit would run them:
 * standing items, past meetings with attendance, decisions, minutes and actions (one
 * overdue, one due soon), a sub-group recommendation on its way to ratification, a
 * cancelled meeting, and the next meetings scheduled with what their agendas carry.
 */
export async function loadDemoMeetings(
  services: Services,
  context: TenantContext,
  ids: DemoRegistryIds,
) {
  const demo: DemoMeetings = {
    services,
    context,
    ids,
    today: services.governance.today(),
    calendar: await services.calendar.workingCalendar(context),
  };
  await addStandingItems(demo, 'partnership', PARTNERSHIP_STANDING_ITEMS);
  await addStandingItems(demo, 'chairsForum', FORUM_STANDING_ITEMS);
  await pastSubGroupMeeting(demo);
  await pastPartnershipMeeting(demo);
  const forum = await meet(demo, 'chairsForum', monthsAhead(0, 6));
  required(await services.meetings.agenda.publishing.publish(context, forum), 'a published agenda');
  const nextPartnership = await meet(demo, 'partnership', monthsAhead(0, 20));
  // The police lead has sent apologies already: the dashboard shows the quorum at risk.
  await sendApologies(demo, nextPartnership, seatKey('partnership', 'policeLead'));
  const training = await meet(demo, 'learningAndTraining', monthsAhead(0, 9), '14:00', '16:00');
  required(
    await services.meetings.changes.cancel(context, training, {
      reason:
        'Too few members could attend during the school holidays; the items move to the next meeting.',
    }),
    'a cancelled meeting',
  );
}

/** A meeting on the demo date, or the next working day when it is not one. */
async function meet(
  { services, context, ids, today, calendar }: DemoMeetings,
  body: BodyKey,
  date: DemoDate,
  startTime = '10:00',
  endTime = '12:00',
) {
  const day = dayOf(date, today);
  const created = await services.meetings.create(context, {
    bodyId: ids.bodies[body],
    day: calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1),
    startTime,
    endTime,
    location: LOCATION,
  });
  return required(created, `a meeting of ${body}`).id;
}

async function addStandingItems(demo: DemoMeetings, body: BodyKey, titles: readonly string[]) {
  for (const title of titles)
    await demo.services.meetings.agenda.standingItems.add(demo.context, demo.ids.bodies[body], {
      title,
      purpose: 'discussion',
      presenter: '',
      durationMinutes: 15,
    });
}

/** The sub-group's neglect audit: a recommendation that goes to the forum for ratification. */
async function pastSubGroupMeeting(demo: DemoMeetings) {
  const { services, context } = demo;
  const meeting = await meet(demo, 'qualityAssurance', monthsAgo(1, 6), '13:30', '15:30');
  const audit = await addItem(demo, meeting, {
    title: 'Findings of the multi-agency neglect audit',
    purpose: 'decision',
    presenter: 'Independent chair',
    durationMinutes: 40,
  });
  await recordAttendance(demo, meeting, {});
  await decide(demo, meeting, audit, {
    text: 'Recommend that every agency adopts the neglect audit action plan and the graded care profile from April.',
    kind: 'recommendation',
    needsRatification: true,
  });
  await services.meetings.minutes.save(context, meeting, [
    {
      itemId: audit,
      minutes:
        'The group heard the audit findings: neglect was recognised late in six of the ten cases. Members agreed the recommendation below.',
      version: 1,
    },
  ]);
}

/** The Partnership's last meeting: the police lead sent apologies and their deputy came. */
async function pastPartnershipMeeting(demo: DemoMeetings) {
  const { services, context } = demo;
  const meeting = await meet(demo, 'partnership', monthsAgo(1, 20));
  await recordAttendance(demo, meeting, { [seatKey('partnership', 'policeLead')]: 'deputy' });
  const items = (await services.meetings.find(context, meeting))!.items;
  const priorities = items.find((item) => item.title.includes('strategic priorities'))!;
  await decide(demo, meeting, priorities.id, {
    text: 'Agree the refreshed strategic priorities for the coming year and publish them with the yearly report.',
    kind: 'decision',
    needsRatification: false,
  });
  const minuted = await services.meetings.minutes.save(
    context,
    meeting,
    items.map((item) => ({
      itemId: item.id,
      minutes: `${item.title}: the Partnership received the update and asked questions of the lead officers.`,
      version: item.version,
    })),
  );
  required(minuted, 'the minutes');
  required(await services.meetings.minutes.circulate(context, meeting), 'circulated minutes');
  await addActions(demo, meeting, priorities.id);
}

async function addItem(demo: DemoMeetings, meeting: string, input: AgendaItemInput) {
  const added = await demo.services.meetings.agenda.items.add(demo.context, meeting, input);
  return required(added, `the item ${input.title}`).id;
}

/** Everyone present, except the seats named (by body/person key) with another status. */
async function recordAttendance(
  demo: DemoMeetings,
  meeting: string,
  exceptions: Record<string, AttendanceStatus>,
) {
  const { attendance } = demo.services.meetings;
  const register = (await attendance.register(demo.context, meeting))!;
  const statusOf = new Map(
    Object.entries(exceptions).map(([key, status]) => [seatIdOf(demo, key), status]),
  );
  const choices = register.lines.map(({ seat, deputies }) => {
    const status = statusOf.get(seat.membershipId) ?? 'present';
    return {
      membershipId: seat.membershipId,
      status,
      deputyId: status === 'deputy' ? (deputies[0]?.deputyId ?? null) : null,
      version: null,
    };
  });
  required(await attendance.record(demo.context, meeting, choices), 'the attendance');
}

/** Apologies received ahead of a meeting from one member (by body/person key). */
async function sendApologies(demo: DemoMeetings, meeting: string, key: string) {
  const choice = {
    membershipId: seatIdOf(demo, key),
    status: 'apologies' as const,
    deputyId: null,
    version: null,
  };
  required(
    await demo.services.meetings.attendance.record(demo.context, meeting, [choice]),
    'the apologies',
  );
}

const seatIdOf = (demo: DemoMeetings, key: string) => {
  const seat = demo.ids.seats.get(key);
  if (!seat) throw new Error(`The demo names the seat ${key}, which it did not create`);
  return seat.id;
};

async function decide(demo: DemoMeetings, meeting: string, item: string, input: DecisionInput) {
  const recorded = await demo.services.meetings.decisions.recordDecision(
    demo.context,
    meeting,
    item,
    input,
  );
  required(recorded, 'a decision');
}

/** One action overdue, one due within the reminder window, one done, one from an audit. */
async function addActions(demo: DemoMeetings, meeting: string, item: string) {
  const { services, context, ids, today, calendar } = demo;
  const source = { meetingId: meeting, itemId: item };
  const add = async (title: string, owner: PersonKey, dueOn: string) =>
    required(
      await services.actions.create(context, source, {
        title,
        ownerPersonId: ids.people[owner],
        dueOn,
      }),
      `the action ${title}`,
    ).id;
  await add(
    'Share the strategic priorities with every agency’s senior leadership team',
    'policeLead',
    calendar.addWorkingDays(today, -5),
  );
  await add(
    'Bring the draft yearly report to the Chairs Consultation Forum',
    'businessManager',
    calendar.addWorkingDays(today, 3),
  );
  const done = await add(
    'Publish the refreshed priorities on the partnership website',
    'businessOfficer',
    calendar.addWorkingDays(today, 10),
  );
  required(
    await services.actions.recordUpdate(
      context,
      done,
      {
        note: 'Published on the website and sent to the communications leads.',
        status: 'done',
        closingEvidence: null,
        cancelReason: null,
        version: 1,
      },
      { runsMeetings: true },
    ),
    'an action update',
  );
  // An action from outside the meetings: audits are not built yet, so its source is in words.
  required(
    await services.actions.createWithReference(context, {
      sourceKind: 'audit',
      sourceReference: 'Section 11 audit 2026',
      title: 'Return the section 11 self-assessment for the police',
      ownerPersonId: ids.people.policeLead,
      dueOn: calendar.addWorkingDays(today, 15),
    }),
    'the action from the section 11 audit',
  );
}
