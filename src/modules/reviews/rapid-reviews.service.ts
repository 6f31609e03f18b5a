import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { fileSizeText, type DownloadableDocument } from '../../platform/http/downloads.js';
import { staleEditMessage } from '../../platform/records.js';
import type { IsoDate } from '../../platform/working-days.js';
import { notQuorateBecause } from '../meetings/quoracy.js';
import { deadlinesOf } from './case-progress.js';
import type { CaseRow } from './cases.repository.js';
import { buildCasesService } from './cases.service.js';
import { RETURN_KINDS } from './information-requests.forms.js';
import { buildInformationRequests, requestStatus } from './information-requests.service.js';
import { rapidReviewDocx, rapidReviewFileName } from './rapid-review-docx.js';
import {
  LEARNING_SCOPES,
  OUTCOMES,
  REVIEW_CRITERIA_NAMES,
  type MeetingChoiceInput,
  type OutcomeInput,
  type PanelInput,
} from './rapid-reviews.forms.js';
import {
  caseOfTeam,
  findRapidReview,
  insertRapidReview,
  requestsOfCase,
  returnsOfRequests,
  updateRapidReview,
  type RapidReviewRow,
} from './rapid-reviews.repository.js';
import type { ReviewsDependencies } from './reviews.service.js';

export const NO_NOTIFICATION =
  'Record the date the national Panel was notified before starting a rapid review: no rapid review without a notification';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const day = (date: IsoDate) => ukDate(`${date}T12:00:00Z`);

/** Why the case cannot have a rapid review started, or null when it can. */
export function startRefusal(found: Pick<CaseRow, 'kind' | 'panelNotifiedOn' | 'closedAt'>) {
  if (found.kind !== 'serious_incident')
    return 'Only a notified serious incident has a rapid review; this is a good-practice case';
  if (found.closedAt) return 'This case is closed, so no rapid review can start';
  if (!found.panelNotifiedOn) return NO_NOTIFICATION;
  return null;
}

/** The words the case page's section shows for stored values. */
const SECTION_NAMES = {
  outcomes: OUTCOMES.names,
  learningScopes: LEARNING_SCOPES.names,
  criteria: REVIEW_CRITERIA_NAMES,
  returnKinds: RETURN_KINDS.names,
};

/** A decision cannot be recorded as made tomorrow. */
function outcomeProblems(input: OutcomeInput, today: IsoDate): FieldErrors {
  return input.decidedOn > today
    ? { decidedOn: 'The date of the decision must be today or in the past' }
    : {};
}

function outcomeFacts(row: RapidReviewRow) {
  return {
    outcome: row.outcome,
    learningScope: row.learningScope,
    criteriaMet: row.criteriaMet,
    decidedOn: row.decidedOn,
  };
}

function panelFacts(row: RapidReviewRow) {
  return {
    sentToPanelOn: row.sentToPanelOn,
    panelResponseOn: row.panelResponseOn,
    panelResponseRecorded: Boolean(row.panelResponse),
  };
}

/**
 * The rapid review of a notified serious incident: started only after the notification, its
 * meeting held through the meetings module (so attendance and quorum apply), its outcome
 * decided at a quorate meeting or by correspondence, and what was sent to the Panel.
 */
export function buildRapidReviewsService(dependencies: ReviewsDependencies) {
  const { db, audit, calendar, governance, meetings } = dependencies;
  const cases = buildCasesService(dependencies);
  const requests = buildInformationRequests(dependencies);

  const stale = (tx: Executor, caseId: string) =>
    staleEditMessage(audit, tx, {
      entityType: 'rapid_review',
      entityId: caseId,
      noun: 'rapid review',
    });

  async function start(context: TenantContext, caseId: string): Promise<Outcome<true> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await caseOfTeam(tx, context, caseId);
      if (!found) return null;
      const refused = startRefusal(found);
      if (refused) return failure({ form: refused });
      const started = await insertRapidReview(tx, { caseId, partnershipId: context.partnershipId });
      if (!started) return failure({ form: 'The rapid review of this case has already started' });
      await audit.record(tx, context, {
        action: 'reviews.rapid_review_started',
        entityType: 'rapid_review',
        entityId: caseId,
        after: { panelNotifiedOn: found.panelNotifiedOn },
      });
      return success(true as const);
    });
  }

  /** The case and its rapid review, for the team; the review is null until started. */
  const load = (context: TenantContext, caseId: string) =>
    inTenant(db, context, async (tx) => {
      const found = await caseOfTeam(tx, context, caseId);
      return found ? { reviewCase: found, review: await findRapidReview(tx, caseId) } : null;
    });

  /** The linked meeting, its body, and whether it is quorate as the meetings module says. */
  async function meetingOf(context: TenantContext, meetingId: string) {
    const register = await meetings.attendance.register(context, meetingId);
    const quoracy = await meetings.attendance.quoracy(context, meetingId);
    if (!register || !quoracy) return null;
    const { meeting, body } = register;
    return {
      id: meeting.id,
      bodyName: body.name,
      startsAt: meeting.startsAt,
      day: register.day,
      location: meeting.location,
      cancelled: meeting.status === 'cancelled',
      quoracy,
      notQuorateBecause: quoracy.quorate ? null : notQuorateBecause(quoracy),
    };
  }

  /** The case page's section: the review, its requests and returns, and its meeting. */
  async function ofCase(context: TenantContext, caseId: string) {
    const loaded = await inTenant(db, context, async (tx) => {
      const found = await caseOfTeam(tx, context, caseId);
      if (!found || found.kind !== 'serious_incident') return null;
      const review = await findRapidReview(tx, caseId);
      const rows = review ? await requestsOfCase(tx, caseId) : [];
      const returns = await returnsOfRequests(
        tx,
        rows.map((row) => row.request.id),
      );
      return { found, review, rows, returns };
    });
    if (!loaded) return null;
    const { found, review, rows, returns } = loaded;
    const today = calendar.today();
    return {
      review,
      startRefusal: review ? null : startRefusal(found),
      requests: rows.map(({ request, agencyName }) => ({
        ...request,
        agencyName,
        status: requestStatus(request, today),
        returns: returns
          .filter((each) => each.requestId === request.id)
          .map((each) => ({ ...each, size: fileSizeText(each.byteSize) })),
      })),
      meeting: review?.meetingId ? await meetingOf(context, review.meetingId) : null,
      names: SECTION_NAMES,
    };
  }

  /** Bodies a meeting can be scheduled for (the practice review group first chosen), and meetings to link. */
  async function meetingChoices(context: TenantContext) {
    const bodies = await governance.bodies.all(context);
    const named = new Map(
      (await governance.bodies.all(context, { activeOnly: false })).map((each) => [
        each.id,
        each.name,
      ]),
    );
    const past = (await meetings.list(context, { when: 'past' })).rows;
    const upcoming = (await meetings.list(context, { when: 'upcoming' })).rows;
    const scheduled = [...past.reverse(), ...upcoming].filter(
      (meeting) => meeting.status === 'scheduled',
    );
    return {
      bodies: bodies.map((each) => ({ value: each.id, text: each.name })),
      defaultBodyId: bodies.find((each) => /practice review/i.test(each.name))?.id ?? '',
      meetings: scheduled.map((meeting) => ({
        value: meeting.id,
        bodyName: named.get(meeting.bodyId) ?? '',
        startsAt: meeting.startsAt,
      })),
    };
  }

  /** Why the meeting cannot be the rapid review's, or null. */
  async function meetingProblem(context: TenantContext, meetingId: string) {
    const found = await meetings.find(context, meetingId);
    if (!found || found.meeting.status !== 'scheduled')
      return 'Select a meeting that is scheduled, not cancelled';
    return null;
  }

  /**
   * Links the rapid review to a meeting: a new one of the chosen body (scheduled by the
   * meetings module, with the rapid review on its agenda), or one already scheduled.
   */
  async function linkMeeting(
    context: TenantContext,
    caseId: string,
    input: MeetingChoiceInput,
    maySchedule: boolean,
  ): Promise<Outcome<{ meetingId: string }> | null> {
    const loaded = await load(context, caseId);
    if (!loaded?.review) return null;
    const { reviewCase, review } = loaded;
    if (review.outcome)
      return failure({
        form: 'The outcome is recorded, so the meeting that decided it cannot change. Change the outcome first if it was decided elsewhere',
      });
    const version = input.version ?? review.version;
    if (version !== review.version)
      return inTenant(db, context, async (tx) => failure({ form: await stale(tx, caseId) }));
    let meetingId: string;
    if (input.choice === 'new') {
      if (!maySchedule)
        return failure({
          choice:
            'Only the business unit can schedule a meeting. Link a meeting already scheduled, or ask the business unit to schedule one',
        });
      if (input.endTime <= input.startTime)
        return failure({ endTime: 'The end time must be after the start time' });
      const created = await meetings.create(context, {
        bodyId: input.bodyId,
        day: input.day,
        startTime: input.startTime,
        endTime: input.endTime,
        location: input.location,
        version: undefined,
      });
      if (!created.ok) return created;
      meetingId = created.value.id;
      // Only the reference: the agenda is seen by everyone the meeting's papers reach.
      await meetings.agenda.items.add(context, meetingId, {
        title: `Rapid review: ${reviewCase.reference}`,
        purpose: 'decision',
        presenter: '',
        durationMinutes: null,
        version: undefined,
      });
    } else {
      const problem = await meetingProblem(context, input.meetingId);
      if (problem) return failure({ meetingId: problem });
      meetingId = input.meetingId;
    }
    return inTenant(db, context, async (tx) => {
      if (!(await caseOfTeam(tx, context, caseId))) return null;
      const saved = await updateRapidReview(tx, caseId, version, { meetingId });
      if (!saved) return failure({ form: await stale(tx, caseId) });
      await audit.record(tx, context, {
        action: 'reviews.rapid_review_meeting_linked',
        entityType: 'rapid_review',
        entityId: caseId,
        before: { meetingId: review.meetingId },
        after: { meetingId, scheduled: input.choice === 'new' },
      });
      return success({ meetingId });
    });
  }

  /** Why the linked meeting cannot decide (section 21 of the arrangements), or null. */
  async function quorumProblem(context: TenantContext, review: RapidReviewRow) {
    if (!review.meetingId) return null;
    const meeting = await meetingOf(context, review.meetingId);
    if (!meeting) return null;
    const when = ukDate(meeting.startsAt);
    if (meeting.cancelled)
      return `The rapid review meeting on ${when} was cancelled. Link the meeting that made the decision`;
    if (meeting.quoracy.quorate) return null;
    const unrecorded = meeting.quoracy.recorded ? '' : ' (no attendance is recorded yet)';
    return `The rapid review meeting on ${when} is not quorate${unrecorded}: ${meeting.notQuorateBecause}. Decisions need a quorate meeting (section 21 of the arrangements): record the meeting's attendance first`;
  }

  async function recordOutcome(
    context: TenantContext,
    caseId: string,
    input: OutcomeInput,
  ): Promise<Outcome<RapidReviewRow> | null> {
    const loaded = await load(context, caseId);
    if (!loaded?.review) return null;
    const { reviewCase, review } = loaded;
    const errors = outcomeProblems(input, calendar.today());
    const notified = reviewCase.panelNotifiedOn;
    if (!errors.decidedOn && notified && input.decidedOn < notified)
      errors.decidedOn = `The date of the decision must be on or after the date the Panel was notified (${day(notified)})`;
    if (!errors.decidedOn && review.sentToPanelOn && input.decidedOn > review.sentToPanelOn)
      errors.decidedOn = `The date of the decision must be on or before the date the rapid review was sent to the Panel (${day(review.sentToPanelOn)})`;
    const quorum = await quorumProblem(context, review);
    if (quorum) errors.outcome = quorum;
    if (Object.keys(errors).length > 0) return failure(errors);
    return inTenant(db, context, async (tx) => {
      if (!(await caseOfTeam(tx, context, caseId))) return null;
      const saved = await updateRapidReview(tx, caseId, input.version ?? review.version, {
        outcome: input.outcome,
        learningScope: input.outcome === 'no_review' ? input.learningScope : null,
        criteriaMet: input.criteriaMet,
        rationale: input.rationale,
        decidedOn: input.decidedOn,
      });
      if (!saved) return failure({ form: await stale(tx, caseId) });
      // The rationale is not audited: its words may name the child.
      await audit.record(tx, context, {
        action: 'reviews.rapid_review_outcome_recorded',
        entityType: 'rapid_review',
        entityId: caseId,
        before: outcomeFacts(review),
        after: { ...outcomeFacts(saved), decidedWithoutMeeting: !saved.meetingId },
      });
      return success(saved);
    });
  }

  function panelProblems(review: RapidReviewRow, input: PanelInput, today: IsoDate): FieldErrors {
    const errors: FieldErrors = {};
    const sent = input.sentToPanelOn;
    if (sent && !review.decidedOn)
      errors.sentToPanelOn =
        'Record the outcome of the rapid review before the date it was sent to the Panel';
    else if (sent && sent < review.decidedOn!)
      errors.sentToPanelOn = `The date the rapid review was sent to the Panel must be on or after the date of the decision (${day(review.decidedOn!)})`;
    else if (sent && sent > today)
      errors.sentToPanelOn =
        'The date the rapid review was sent to the Panel must be today or in the past';
    const response = input.panelResponseOn;
    if (response && !sent)
      errors.panelResponseOn =
        'Enter the date the rapid review was sent to the Panel before the date of its response';
    else if (response && sent && response < sent)
      errors.panelResponseOn = `The date of the Panel's response must be on or after the date the rapid review was sent (${day(sent)})`;
    else if (response && response > today)
      errors.panelResponseOn = "The date of the Panel's response must be today or in the past";
    else if (!response && input.panelResponse)
      errors.panelResponseOn = "Enter the date of the Panel's response";
    return errors;
  }

  async function recordPanel(
    context: TenantContext,
    caseId: string,
    input: PanelInput,
  ): Promise<Outcome<RapidReviewRow> | null> {
    const loaded = await load(context, caseId);
    if (!loaded?.review) return null;
    const { review } = loaded;
    const errors = panelProblems(review, input, calendar.today());
    if (Object.keys(errors).length > 0) return failure(errors);
    return inTenant(db, context, async (tx) => {
      if (!(await caseOfTeam(tx, context, caseId))) return null;
      const saved = await updateRapidReview(tx, caseId, input.version ?? review.version, {
        sentToPanelOn: input.sentToPanelOn,
        panelResponseOn: input.panelResponseOn,
        panelResponse: input.panelResponse,
      });
      if (!saved) return failure({ form: await stale(tx, caseId) });
      await audit.record(tx, context, {
        action: 'reviews.rapid_review_panel_recorded',
        entityType: 'rapid_review',
        entityId: caseId,
        before: panelFacts(review),
        after: panelFacts(saved),
      });
      return success(saved);
    });
  }

  /** Who came to the meeting, by name and agency, as the report lists them. */
  async function attendanceOf(context: TenantContext, meetingId: string) {
    const overview = await meetings.attendance.overview(context, meetingId);
    if (!overview) return null;
    const seat = (each: { personName: string; agencyName: string }) =>
      `${each.personName}, ${each.agencyName}`;
    return {
      present: overview.present.map(seat),
      deputies: overview.deputies.map(
        (each) => `${each.deputyName} for ${each.seat.personName}, ${each.seat.agencyName}`,
      ),
      apologies: overview.apologies.map(seat),
      absent: overview.absent.map(seat),
      guests: overview.guests.map((guest) =>
        guest.guestRole ? `${guest.guestName}, ${guest.guestRole}` : (guest.guestName ?? ''),
      ),
    };
  }

  /**
   * The Word draft of the rapid review report, for the case team only: opening the case
   * (which audits the view) gives the children's names, and the export is audited too.
   */
  async function report(
    context: TenantContext,
    caseId: string,
  ): Promise<DownloadableDocument | null> {
    const opened = await cases.open(context, caseId);
    const section = opened && (await ofCase(context, caseId));
    const review = section?.review;
    if (!opened || !section || !review) return null;
    const working = await calendar.workingCalendar(context);
    const deadline = deadlinesOf(opened.facts, working).find((each) => each.key === 'rapid_review');
    const meeting = section.meeting;
    const content = await rapidReviewDocx({
      reference: opened.reviewCase.reference,
      awareOn: opened.reviewCase.awareOn,
      panelNotifiedOn: opened.reviewCase.panelNotifiedOn,
      dueOn: deadline?.dueOn ?? null,
      incidentCriteria: opened.reviewCase.criteria,
      children: opened.children.map((child) => child.name),
      agencies: opened.agencies.map((agency) => agency.name),
      requests: section.requests,
      meeting: meeting && {
        bodyName: meeting.bodyName,
        startsAt: meeting.startsAt,
        location: meeting.location,
        quorate: meeting.quoracy.quorate,
        notQuorateBecause: meeting.notQuorateBecause,
        attendance: await attendanceOf(context, meeting.id),
      },
      review,
    });
    await inTenant(db, context, (tx) =>
      audit.record(tx, context, {
        action: 'reviews.rapid_review_report_exported',
        // A read, filed with the case's views: the rapid review's history is its changes.
        entityType: 'review_case',
        entityId: caseId,
        after: { reference: opened.reviewCase.reference },
      }),
    );
    return {
      fileName: rapidReviewFileName(opened.reviewCase.reference),
      contentType: DOCX_TYPE,
      content,
    };
  }

  return {
    start,
    load,
    ofCase,
    meetingOf,
    meetingChoices,
    linkMeeting,
    recordOutcome,
    recordPanel,
    report,
    requests,
  };
}

export type RapidReviewsService = ReturnType<typeof buildRapidReviewsService>;
