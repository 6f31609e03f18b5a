/**
 * The statutory timescales a partnership works to, each with its national default and the
 * basis for it (statutory-rules.md). A partnership may change them; a case keeps the ones in
 * force when it was opened.
 */
export const TIMESCALES = [
  {
    key: 'notificationWorkingDays',
    name: 'Notify the national Panel, Ofsted and the safeguarding partners',
    unit: 'working days',
    counted: 'from the day the local authority became aware of the incident',
    defaultValue: 5,
    fewest: 1,
    most: 60,
    basis: 'GOV.UK guidance "Report a serious child safeguarding incident"',
  },
  {
    key: 'rapidReviewWorkingDays',
    name: 'Complete the rapid review and send it to the Panel',
    unit: 'working days',
    counted: 'from the notification to the Panel',
    defaultValue: 15,
    fewest: 1,
    most: 120,
    basis: 'Working Together to Safeguard Children',
  },
  {
    key: 'panelResponseWorkingDays',
    name: "Expect the Panel's response to a rapid review",
    unit: 'working days',
    counted: 'from sending the rapid review to the Panel',
    defaultValue: 10,
    fewest: 1,
    most: 120,
    basis: 'Local practice; for information, not a statutory deadline',
  },
  {
    key: 'practiceReviewMonths',
    name: 'Complete and publish a local child safeguarding practice review',
    unit: 'months',
    counted: 'from the decision to hold the review',
    defaultValue: 6,
    fewest: 1,
    most: 36,
    basis: 'Working Together to Safeguard Children',
  },
  {
    key: 'finalReportWorkingDays',
    name: 'Send the final report to the Panel and the Secretary of State',
    unit: 'working days',
    counted: 'before publication, at least',
    defaultValue: 7,
    fewest: 1,
    most: 60,
    basis: 'Working Together to Safeguard Children 2018',
  },
] as const;

export type TimescaleKey = (typeof TIMESCALES)[number]['key'];
export type Timescales = Record<TimescaleKey, number>;

export const DEFAULT_TIMESCALES = Object.fromEntries(
  TIMESCALES.map((timescale) => [timescale.key, timescale.defaultValue]),
) as Timescales;

export type Timescale = (typeof TIMESCALES)[number];

/** The timescale's address on the settings pages: notificationWorkingDays -> notification-working-days. */
export const timescaleSlug = (timescale: Timescale) =>
  timescale.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export const timescaleBySlug = (slug: string) =>
  TIMESCALES.find((timescale) => timescaleSlug(timescale) === slug) ?? null;

/** "5 working days", "1 month". */
export const timescaleAmount = (timescale: Timescale, value: number) =>
  `${value} ${value === 1 ? timescale.unit.replace(/s$/, '') : timescale.unit}`;
