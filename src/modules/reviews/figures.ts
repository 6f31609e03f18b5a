import { toCsv } from '../../platform/csv.js';
import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';
import {
  deadlineMet,
  deadlinesOf,
  type CaseFacts,
  type DeadlineKey,
  type RapidReviewOutcome,
} from './case-progress.js';

/**
 * The yearly report's case-review figures, pure: a reporting year runs from 1 April to
 * 31 March, as the partnership's yearly report does.
 */
export interface ReportingYear {
  /** The year it starts in: 2026 is 1 April 2026 to 31 March 2027. */
  year: number;
  from: IsoDate;
  to: IsoDate;
  label: string;
}

/** Working Together 2018 began the current arrangements: no case review is older. */
export const FIRST_REPORTING_YEAR = 2018;
const FIRST_MONTH = 4;

export function reportingYear(year: number): ReportingYear {
  return { year, from: `${year}-04-01`, to: `${year + 1}-03-31`, label: `${year} to ${year + 1}` };
}

/** The reporting year a day falls in: January to March belong to the year begun the April before. */
export function reportingYearOf(day: IsoDate): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= FIRST_MONTH ? year : year - 1;
}

const within = (day: IsoDate, year: ReportingYear) => day >= year.from && day <= year.to;

export type OutcomeKey = RapidReviewOutcome | 'awaiting';
export const OUTCOME_NAMES: Record<OutcomeKey, string> = {
  national_review: 'Referred for a national review',
  local_review: 'Local practice review',
  no_review: 'No review (learning taken)',
  awaiting: 'Awaiting the rapid review outcome',
};
const OUTCOME_ORDER = Object.keys(OUTCOME_NAMES) as OutcomeKey[];

/** The statutory clocks in the order a case meets them; the Panel's response is not one. */
const DEADLINE_ORDER: readonly DeadlineKey[] = [
  'notify_panel',
  'notify_ofsted',
  'tell_partners',
  'rapid_review',
  'final_report',
  'publication',
];

export interface DeadlineTally {
  key: DeadlineKey;
  name: string;
  on_time: number;
  late: number;
  open: number;
}

export interface YearFigures {
  reportingYear: ReportingYear;
  outcomes: { key: OutcomeKey; name: string; count: number }[];
  seriousIncidents: number;
  goodPractice: number;
  deadlines: DeadlineTally[];
  /** The cases counted in the year, for the figures other parts of a review keep. */
  caseIds: string[];
}

function tallyOutcomes(facts: CaseFacts[]) {
  const counts = new Map<OutcomeKey, number>(OUTCOME_ORDER.map((key) => [key, 0]));
  for (const each of facts) {
    const key = each.rapidReview?.outcome ?? 'awaiting';
    counts.set(key, counts.get(key)! + 1);
  }
  return OUTCOME_ORDER.map((key) => ({ key, name: OUTCOME_NAMES[key], count: counts.get(key)! }));
}

/** Statutory deadlines that fell due in the year, whenever their case began, by kind. */
function tallyDeadlines(facts: CaseFacts[], year: ReportingYear, calendar: WorkingCalendar) {
  const byKind = new Map<DeadlineKey, DeadlineTally>();
  for (const each of facts)
    for (const deadline of deadlinesOf(each, calendar)) {
      if (!deadline.statutory || !within(deadline.dueOn, year)) continue;
      const tally = byKind.get(deadline.key) ?? {
        key: deadline.key,
        name: deadline.name,
        on_time: 0,
        late: 0,
        open: 0,
      };
      tally[deadlineMet(deadline)] += 1;
      byKind.set(deadline.key, tally);
    }
  return [...byKind.values()].sort(
    (a, b) => DEADLINE_ORDER.indexOf(a.key) - DEADLINE_ORDER.indexOf(b.key),
  );
}

/**
 * Cases count in the year the local authority became aware of the incident (a good-practice
 * case: the year it was referred), by the rapid review's outcome; good-practice cases apart.
 */
export function yearFigures(
  cases: { id: string; facts: CaseFacts }[],
  year: ReportingYear,
  calendar: WorkingCalendar,
): YearFigures {
  const inYear = cases.filter((each) => within(each.facts.awareOn, year));
  const incidents = inYear.filter((each) => each.facts.kind === 'serious_incident');
  return {
    reportingYear: year,
    outcomes: tallyOutcomes(incidents.map((each) => each.facts)),
    seriousIncidents: incidents.length,
    goodPractice: inYear.length - incidents.length,
    deadlines: tallyDeadlines(
      cases.map((each) => each.facts),
      year,
      calendar,
    ),
    caseIds: inYear.map((each) => each.id),
  };
}

const DEADLINE_MEASURES = [
  ['on_time', 'Met on time'],
  ['late', 'Met late'],
  ['open', 'Still open'],
] as const;

/** The recommendations of the year's cases, and how many are complete as at today. */
export interface RecommendationFigures {
  recommendations: number;
  completed: number;
}

export const RECOMMENDATIONS_TABLE = 'Recommendations of the year’s cases';

/** One figure a line, so a spreadsheet can pivot them: year, table, row, measure, count. */
export function figuresCsv(figures: YearFigures, recommendations: RecommendationFigures) {
  const year = figures.reportingYear.label;
  return toCsv([
    ['Reporting year', 'Table', 'Row', 'Measure', 'Count'],
    ...figures.outcomes.map((outcome) => [
      year,
      'Serious incidents by rapid review outcome',
      outcome.name,
      'Cases',
      outcome.count,
    ]),
    [
      year,
      'Serious incidents by rapid review outcome',
      'All serious incidents',
      'Cases',
      figures.seriousIncidents,
    ],
    [
      year,
      'Good-practice cases',
      'Cases heard for their good practice',
      'Cases',
      figures.goodPractice,
    ],
    ...figures.deadlines.flatMap((tally) =>
      DEADLINE_MEASURES.map(([key, measure]) => [
        year,
        'Statutory deadlines that fell due',
        tally.name,
        measure,
        tally[key],
      ]),
    ),
    [year, RECOMMENDATIONS_TABLE, 'Recommendations', 'Made', recommendations.recommendations],
    [year, RECOMMENDATIONS_TABLE, 'Recommendations', 'Completed', recommendations.completed],
  ]);
}
