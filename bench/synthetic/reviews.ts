/**
 * Case reviews over the years, each as far along as its dates allow by the as-of date:
 * notified within the notification timescale (a few late), a rapid review with agencies'
 * information and its outcome sent to the Panel, and for local reviews a practice review
 * with milestones, draft requests, delays, publication, recommendations (whose actions go to
 * the action log) and learning. Older cases are closed. One recent published review is
 * kept open with every section filled: the bench's case page.
 */
import { CRITERIA } from '../../src/modules/reviews/reviews.forms.js';
import { ASKED_FOR } from '../../src/modules/reviews/information-requests.forms.js';
import {
  CHILD,
  CLOSED,
  DELAY,
  DISSEMINATED,
  DRAFT,
  FINAL_REPORT,
  LEARNING,
  MEETING_LINKED,
  MILESTONE,
  OPENED,
  OUTCOME,
  PANEL,
  PRACTICE_DECIDED,
  PUBLICATION,
  RAPID_STARTED,
  RECOMMENDATION,
  REQUESTED,
  RETURNED,
  TEAM_ADDED,
  TEAM_REMOVED,
} from './reviews-audit.js';
import type { CasePlan, ChildPlan, PartnershipPlan, PracticeReviewPlan } from './plan.js';
import { Random } from './random.js';
import { addMonths, isoOf, type Day } from './timeline.js';
import { CHILD_FIRST_NAMES, CHILD_SURNAMES, placeName, REVIEW_TEXTS, STREETS } from './words.js';

type Plan = PartnershipPlan;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** The partnership's timescales: the national defaults (partnership_setting). */
export const TIMESCALES = {
  notificationWorkingDays: 5,
  rapidReviewWorkingDays: 15,
  panelResponseWorkingDays: 10,
  practiceReviewMonths: 6,
  finalReportWorkingDays: 7,
};

class CasePlanner {
  private readonly random: Random;
  private readonly counters = new Map<string, number>();
  /** Moments are kept before the as-of date's midnight: nothing happens "today". */
  private readonly now: number;
  private readonly lastDay: Day;

  constructor(
    private readonly plan: Plan,
    seed: number,
  ) {
    this.random = Random.of(seed, plan.shape.name, plan.index, 'reviews');
    this.now = plan.timeline.at(plan.timeline.asOf, 0);
    this.lastDay = plan.timeline.asOf - 1;
  }

  run() {
    const { plan, random } = this;
    const { timeline } = plan;
    const count = plan.shape.caseReviews;
    const first = timeline.start + 30;
    const days = Array.from({ length: count }, () =>
      timeline.workingOnOrAfter(random.int(first, this.lastDay - 1)),
    ).map((value) => Math.min(value, this.lastDay));
    days.sort((x, y) => x - y);
    // The newest two are still to be notified, as on any partnership's dashboard: one due
    // within days, one overdue (the notification timescale is five working days).
    const waiting = Math.min(2, Math.max(0, count - 2));
    for (let n = 1; n <= waiting; n += 1)
      days[count - n] = timeline.addWorkingDays(timeline.asOf, n === 1 ? -2 : -8);
    days.sort((x, y) => x - y);
    const showcaseTarget = Math.max(first, timeline.asOf - 480);
    let showcase = -1;
    days.forEach((value, index) => {
      if (
        showcase < 0 ||
        Math.abs(value - showcaseTarget) < Math.abs(days[showcase]! - showcaseTarget)
      )
        showcase = index;
    });
    plan.cases = [];
    plan.recommendations = [];
    days.forEach((awareOn, index) =>
      this.planCase(awareOn, index === showcase, index >= count - waiting),
    );
    return showcase;
  }

  private at(value: Day, minutes = 10 * 60) {
    return this.plan.timeline.at(value, minutes + this.random.int(0, 360));
  }

  private working(from: Day, min: number, max: number) {
    return this.plan.timeline.addWorkingDays(from, this.random.int(min, max));
  }

  private reference(kind: CasePlan['kind'], awareOn: Day) {
    const prefix = kind === 'good_practice' ? 'GP' : 'SI';
    const key = `${prefix}-${isoOf(awareOn).slice(0, 4)}`;
    const number = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, number);
    return `${key}-${String(number).padStart(3, '0')}`;
  }

  private planCase(awareOn: Day, showcase: boolean, notYetNotified: boolean) {
    const { plan, random } = this;
    const index = plan.cases.length;
    const kind =
      !showcase && !notYetNotified && random.chance(0.12) ? 'good_practice' : 'serious_incident';
    const creator = random.int(0, 1);
    const createdMs = Math.min(this.at(this.working(awareOn, 0, 1)), this.now - MINUTE);
    const told =
      kind === 'serious_incident' ? this.working(awareOn, 1, random.chance(0.1) ? 8 : 5) : null;
    const toldOn = told !== null && told <= this.lastDay && !notYetNotified ? told : null;
    const review: CasePlan = {
      id: random.uuid(),
      reference: this.reference(kind, awareOn),
      kind,
      awareOn,
      criteria: kind === 'good_practice' ? [] : this.criteria(),
      panelNotifiedOn: toldOn,
      ofstedNotifiedOn: toldOn,
      partnersNotifiedOn:
        toldOn === null ? null : Math.min(this.working(toldOn, 0, 1), this.lastDay),
      createdBy: creator,
      createdMs,
      closedMs: null,
      closeReason: null,
      children: this.children(
        awareOn,
        showcase
          ? 2
          : random.weighted([
              [1, 85],
              [2, 12],
              [3, 3],
            ]),
      ),
      agencies: this.caseAgencies(),
      team: [],
      rapidReview: null,
      practiceReview: null,
      recommendations: [],
      learningPoints: [],
      disseminations: [],
    };
    plan.cases.push(review);
    plan.audit.add(createdMs, creator, OPENED, index);
    review.children.forEach((_, child) =>
      plan.audit.add(createdMs, creator, CHILD, index, child, true),
    );
    this.team(review, index, showcase);
    let learnedMs: number | null = null;
    if (kind === 'serious_incident' && toldOn !== null)
      learnedMs = this.rapidReview(review, index, showcase);
    else if (kind === 'good_practice') learnedMs = createdMs + random.int(20, 60) * DAY_MS;
    if (learnedMs !== null && learnedMs < this.now)
      this.learning(review, index, learnedMs, showcase);
    if (!showcase) this.close(review, index);
  }

  private criteria() {
    const picked = new Set<string>(['abuse_or_neglect']);
    const extra = this.random.int(0, 2);
    for (let n = 0; n < extra; n += 1) picked.add(this.random.pick(CRITERIA.values));
    return CRITERIA.values.filter((value) => picked.has(value));
  }

  private children(awareOn: Day, count: number): ChildPlan[] {
    const { random } = this;
    const surname = random.pick(CHILD_SURNAMES);
    return Array.from({ length: count }, () => ({
      id: random.uuid(),
      name: `${random.pick(CHILD_FIRST_NAMES)} ${surname}`,
      dateOfBirth: random.chance(0.9) ? isoOf(awareOn - random.int(30, 17 * 365)) : null,
      // 999 numbers are NHS test numbers, never a real person's.
      nhsNumber: random.chance(0.8)
        ? `999${String(random.int(0, 9_999_999)).padStart(7, '0')}`
        : null,
      address: random.chance(0.8)
        ? `${random.int(1, 120)} ${random.pick(STREETS)}, ${placeName(random.int(0, 199))}`
        : null,
    }));
  }

  private caseAgencies() {
    const { plan, random } = this;
    const chosen = new Set<number>([plan.partners[1]!]);
    if (random.chance(0.8)) chosen.add(plan.partners[2]!);
    if (random.chance(0.7)) chosen.add(plan.partners[3]!);
    const others = random.int(0, 2);
    for (let n = 0; n < others && plan.agencies.length > 5; n += 1)
      chosen.add(random.int(5, plan.agencies.length - 1));
    return [...chosen]
      .filter((agency) => plan.agencies[agency]!.closedMs === null)
      .sort((x, y) => x - y);
  }

  /** The business unit member who opened it, and others who joined over the first weeks. */
  private team(review: CasePlan, index: number, showcase: boolean) {
    const { plan, random } = this;
    const member = (account: number, ms: number) => ({
      id: random.uuid(),
      account,
      addedBy: review.createdBy,
      ms,
      removedMs: null as number | null,
    });
    review.team.push(member(review.createdBy, review.createdMs));
    const joiners = random.int(1, 3);
    const members = new Set([review.createdBy]);
    for (let n = 0; n < joiners; n += 1) {
      const account = random.int(0, plan.accounts.length - 1);
      const ms = Math.min(
        review.createdMs + random.int(10, 60 * 24 * 14) * MINUTE,
        this.now - MINUTE,
      );
      if (members.has(account) || plan.accounts[account]!.createdMs > ms) continue;
      members.add(account);
      review.team.push(member(account, ms));
      plan.audit.add(ms, review.createdBy, TEAM_ADDED, index, review.team.length - 1);
    }
    const leaver =
      review.team.length > 2 && !showcase && random.chance(0.05) ? review.team.at(-1)! : null;
    if (leaver) {
      leaver.removedMs = Math.min(leaver.ms + random.int(30, 200) * DAY_MS, this.now - MINUTE);
      plan.audit.add(
        leaver.removedMs,
        review.createdBy,
        TEAM_REMOVED,
        index,
        review.team.length - 1,
      );
    }
  }

  /** The rapid review; gives back when its learning could be drawn, or null. */
  private rapidReview(review: CasePlan, index: number, showcase: boolean): number | null {
    const { plan, random } = this;
    const actor = review.createdBy;
    const startedOn = this.working(review.panelNotifiedOn!, 0, 1);
    if (startedOn > this.lastDay) return null;
    const createdMs = this.at(startedOn, 9 * 60);
    const requested = review.agencies.slice(0, random.int(2, 4));
    const rapid: NonNullable<CasePlan['rapidReview']> = {
      createdMs,
      meeting: null,
      outcome: null,
      learningScope: null,
      criteriaMet: [],
      rationale: null,
      decidedOn: null,
      sentToPanelOn: null,
      panelResponseOn: null,
      panelResponse: null,
      requests: requested.map((agency) => {
        const dueOn = plan.timeline.addWorkingDays(startedOn, 5);
        const back = plan.timeline.addWorkingDays(dueOn, random.int(-3, 2));
        const returnedOn = back <= this.lastDay && (showcase || random.chance(0.9)) ? back : null;
        return {
          id: random.uuid(),
          agency,
          askedFor: random.pick([
            ASKED_FOR.names.chronology,
            ASKED_FOR.names.summary,
            ASKED_FOR.names.chronology_and_summary,
          ]),
          requestedOn: startedOn,
          dueOn,
          returnedOn,
          returned:
            returnedOn === null
              ? null
              : {
                  id: random.uuid(),
                  fileId: random.uuid(),
                  kind: 'chronology',
                  uploadedBy: actor,
                  ms: this.at(returnedOn),
                },
          createdMs: createdMs + MINUTE,
        };
      }),
    };
    review.rapidReview = rapid;
    plan.audit.add(createdMs, actor, RAPID_STARTED, index);
    rapid.requests.forEach((request, n) => {
      plan.audit.add(request.createdMs + n * 1000, actor, REQUESTED, index, n);
      if (request.returned) plan.audit.add(request.returned.ms, actor, RETURNED, index, n);
    });
    const decidedOn = this.working(review.awareOn, 10, 15);
    if (decidedOn > this.lastDay) return null;
    rapid.meeting = this.reviewMeeting(decidedOn);
    if (rapid.meeting !== null)
      plan.audit.add(plan.meetings[rapid.meeting]!.endsMs + MINUTE, actor, MEETING_LINKED, index);
    rapid.outcome = showcase
      ? 'local_review'
      : random.weighted([
          ['national_review', 8],
          ['local_review', 22],
          ['no_review', 70],
        ]);
    rapid.learningScope =
      rapid.outcome === 'no_review' ? random.pick(['single_agency', 'multi_agency']) : null;
    rapid.criteriaMet =
      rapid.outcome === 'national_review'
        ? ['reg3_a']
        : rapid.outcome === 'local_review'
          ? ['reg11_a', 'reg11_c']
          : [];
    rapid.rationale =
      REVIEW_TEXTS.rationale[
        rapid.outcome === 'national_review'
          ? 3
          : rapid.outcome === 'local_review'
            ? random.int(0, 1)
            : 2
      ]!;
    rapid.decidedOn = decidedOn;
    plan.audit.add(this.at(decidedOn, 15 * 60), actor, OUTCOME, index);
    const sent = this.working(decidedOn, 0, 2);
    if (sent > this.lastDay) return null;
    rapid.sentToPanelOn = sent;
    plan.audit.add(this.at(sent, 11 * 60), actor, PANEL, index, 0);
    const response = this.working(sent, 5, 15);
    if (response <= this.lastDay && (showcase || random.chance(0.85))) {
      rapid.panelResponseOn = response;
      rapid.panelResponse = random.pick(REVIEW_TEXTS.panelResponse);
      plan.audit.add(this.at(response, 11 * 60), actor, PANEL, index, 1);
    }
    if (rapid.outcome === 'local_review') return this.practiceReview(review, index, showcase);
    if (rapid.outcome === 'no_review' && rapid.learningScope === 'multi_agency')
      return this.at(sent, 14 * 60);
    return null;
  }

  /** A quorate meeting of the case review group in the ten days before the decision. */
  private reviewMeeting(decidedOn: Day): number | null {
    const { plan } = this;
    const group = plan.bodies.findIndex((body) => body.name === 'Case Review Group');
    if (group < 0) return null;
    const found = plan.meetings.findLastIndex(
      (meeting) =>
        meeting.body === group && meeting.held && meeting.quorate && meeting.day <= decidedOn,
    );
    return found >= 0 && plan.meetings[found]!.day >= decidedOn - 10 ? found : null;
  }

  /** The local review; gives back when it was published (its learning follows), or null. */
  private practiceReview(review: CasePlan, index: number, showcase: boolean): number | null {
    const { plan, random } = this;
    const actor = review.createdBy;
    const rapid = review.rapidReview!;
    const decidedOn = this.working(rapid.sentToPanelOn!, 3, 15);
    if (decidedOn > this.lastDay) return null;
    const targetOn = addMonths(decidedOn, TIMESCALES.practiceReviewMonths);
    const decidedMs = this.at(decidedOn, 14 * 60);
    const practice: PracticeReviewPlan = {
      decidedOn,
      methodology: random.pick(REVIEW_TEXTS.methodology),
      reviewers: random.pick(REVIEW_TEXTS.reviewers),
      termsOfReference: random.pick(REVIEW_TEXTS.termsOfReference),
      targetOn,
      finalReportSentOn: null,
      publishedOn: null,
      publicationUrl: null,
      notPublishedReason: null,
      milestones: [],
      draftRequests: [],
      delays: [],
      createdMs: decidedMs,
    };
    review.practiceReview = practice;
    plan.audit.add(decidedMs, actor, PRACTICE_DECIDED, index);
    const steps = REVIEW_TEXTS.milestones.slice(0, random.int(3, 5));
    steps.forEach((title, n) => {
      const dueOn = plan.timeline.workingOnOrAfter(
        decidedOn + Math.round(((targetOn - decidedOn) * (n + 1)) / (steps.length + 1)),
      );
      const status =
        dueOn < plan.timeline.asOf - 14
          ? 'done'
          : dueOn < plan.timeline.asOf + 14
            ? 'in_progress'
            : 'planned';
      practice.milestones.push({ id: random.uuid(), title, dueOn, status });
      plan.audit.add(decidedMs + (n + 1) * DAY_MS, actor, MILESTONE, index, n);
    });
    const drafts = showcase ? 1 : random.int(0, 2);
    for (let n = 0; n < drafts; n += 1) {
      const requestedOn = plan.timeline.workingOnOrAfter(addMonths(decidedOn, 2 + 2 * n));
      if (requestedOn > this.lastDay) break;
      practice.draftRequests.push({
        id: random.uuid(),
        requestedOn,
        request: REVIEW_TEXTS.draftRequests[n]!,
      });
      plan.audit.add(this.at(requestedOn), actor, DRAFT, index, n);
    }
    let target = targetOn;
    const recordedOn = plan.timeline.workingOnOrAfter(addMonths(decidedOn, 3));
    if ((showcase || random.chance(0.12)) && recordedOn <= this.lastDay) {
      target = addMonths(targetOn, showcase ? 2 : random.int(2, 4));
      practice.delays.push({
        id: random.uuid(),
        reason: random.pick(REVIEW_TEXTS.delayReasons),
        revisedOn: target,
        ms: this.at(recordedOn),
      });
      plan.audit.add(practice.delays[0]!.ms, actor, DELAY, index, 0);
    }
    const sentOn = plan.timeline.workingOnOrAfter(target + (showcase ? -10 : random.int(-30, 20)));
    if (sentOn > this.lastDay) return null;
    practice.finalReportSentOn = sentOn;
    plan.audit.add(this.at(sentOn), actor, FINAL_REPORT, index);
    this.recommend(review, index, this.at(sentOn, 15 * 60), showcase ? 3 : random.int(2, 6));
    const publishedOn = showcase ? this.working(sentOn, 10, 10) : this.working(sentOn, 8, 25);
    if (publishedOn > this.lastDay) return null;
    const publishedMs = this.at(publishedOn);
    if (!showcase && random.chance(0.06)) {
      practice.notPublishedReason = REVIEW_TEXTS.notPublished[0];
    } else {
      practice.publishedOn = publishedOn;
      practice.publicationUrl = `https://www.${plan.domain}/safeguarding/reviews/${review.reference.toLowerCase()}`;
    }
    plan.audit.add(publishedMs, actor, PUBLICATION, index);
    return publishedMs;
  }

  private recommend(review: CasePlan, index: number, ms: number, count: number) {
    const { plan, random } = this;
    for (let number = 1; number <= count; number += 1) {
      const agencies = [
        ...new Set([random.pick(review.agencies), random.pick(review.agencies)]),
      ].sort((x, y) => x - y);
      review.recommendations.push(plan.recommendations.length);
      plan.recommendations.push({
        id: random.uuid(),
        case: index,
        number,
        text: REVIEW_TEXTS.recommendations[
          (number - 1 + index) % REVIEW_TEXTS.recommendations.length
        ]!,
        agencies,
        createdMs: ms + number * MINUTE,
      });
      plan.audit.add(
        ms + number * MINUTE,
        review.createdBy,
        RECOMMENDATION,
        plan.recommendations.length - 1,
      );
    }
  }

  private learning(review: CasePlan, index: number, fromMs: number, showcase: boolean) {
    const { plan, random } = this;
    const points = showcase ? 2 : random.int(1, 3);
    for (let n = 0; n < points; n += 1) {
      const ms = Math.min(fromMs + (n + 1) * DAY_MS, this.now - MINUTE);
      review.learningPoints.push({
        id: random.uuid(),
        text: REVIEW_TEXTS.learning[(index + n) % REVIEW_TEXTS.learning.length]!,
        ms,
      });
      plan.audit.add(ms, review.createdBy, LEARNING, index, n);
    }
    const recipients = plan.bodies.flatMap((body, at) =>
      body.closesOn === null &&
      (body.bodyType === 'sub_group' || body.bodyType === 'reference_group')
        ? [at]
        : [],
    );
    const shares = showcase ? 2 : random.int(1, 3);
    for (let n = 0; n < shares; n += 1) {
      const on = plan.timeline.workingOnOrAfter(Math.floor(fromMs / DAY_MS) + random.int(5, 40));
      if (on > this.lastDay) break;
      const toBody = recipients.length > 0 && random.chance(0.7);
      review.disseminations.push({
        id: random.uuid(),
        body: toBody ? random.pick(recipients) : null,
        agency: toBody ? null : random.pick(review.agencies),
        on,
        ms: this.at(on),
      });
      plan.audit.add(review.disseminations.at(-1)!.ms, review.createdBy, DISSEMINATED, index, n);
    }
  }

  /** Cases whose work ended long enough ago are closed, with the reason. */
  private close(review: CasePlan, index: number) {
    const { random } = this;
    const rapid = review.rapidReview;
    const practice = review.practiceReview;
    let closeFrom: number | null = null;
    if (review.kind === 'good_practice' && review.disseminations.length > 0)
      closeFrom = review.disseminations.at(-1)!.ms + random.int(30, 90) * DAY_MS;
    else if (rapid?.outcome === 'no_review' && rapid.sentToPanelOn !== null)
      closeFrom =
        this.at(rapid.panelResponseOn ?? rapid.sentToPanelOn + 20) + random.int(20, 90) * DAY_MS;
    else if (rapid?.outcome === 'national_review' && rapid.sentToPanelOn !== null)
      closeFrom = this.at(rapid.sentToPanelOn) + random.int(365, 540) * DAY_MS;
    else if (practice?.finalReportSentOn != null)
      closeFrom = this.at(practice.finalReportSentOn) + random.int(540, 900) * DAY_MS;
    if (closeFrom === null || closeFrom >= this.now) return;
    review.closedMs = closeFrom;
    review.closeReason =
      REVIEW_TEXTS.closeReasons[
        rapid?.outcome === 'no_review' ? 1 : rapid?.outcome === 'national_review' ? 2 : 0
      ]!;
    this.plan.audit.add(closeFrom, review.createdBy, CLOSED, index);
  }
}

/** Case reviews of one partnership; gives back the index of the showcase case. */
export function planReviews(plan: Plan, seed: number) {
  return new CasePlanner(plan, seed).run();
}
