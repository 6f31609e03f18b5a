import { z } from 'zod';
import { clockTime } from '../../platform/clock-time.js';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { optionalText, requiredText, versionField } from '../../platform/form-fields.js';
import type { FieldErrors } from '../../platform/forms.js';
import { vocabulary } from '../../platform/vocabulary.js';

export const OUTCOMES = vocabulary({
  national_review: 'Refer to the national Panel for a national review',
  local_review: 'Hold a local child safeguarding practice review (LCSPR)',
  no_review: 'No review',
});
export type ReviewOutcome = (typeof OUTCOMES.values)[number];

export const LEARNING_SCOPES = vocabulary({
  single_agency: 'Single-agency learning',
  multi_agency: 'Multi-agency learning',
});

/**
 * The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018
 * (SI 2018/789): regulation 3, the criteria the national Panel takes into account for a
 * national review, and regulation 11, those the safeguarding partners take into account for
 * a local review. Worded from the regulations as made (legislation.gov.uk).
 */
export const NATIONAL_CRITERIA = vocabulary({
  reg3_a:
    'Reg. 3(a): the case highlights or may highlight improvements needed to safeguard and promote the welfare of children, including where those improvements have been previously identified',
  reg3_b:
    'Reg. 3(b): the case raises or may raise issues requiring legislative change or changes to guidance issued under or further to any enactment',
  reg3_c:
    'Reg. 3(c): the case highlights or may highlight recurrent themes in the safeguarding and promotion of the welfare of children',
});

export const LOCAL_CRITERIA = vocabulary({
  reg11_a:
    'Reg. 11(a): the case highlights or may highlight improvements needed to safeguard and promote the welfare of children',
  reg11_b:
    'Reg. 11(b): the case highlights or may highlight recurrent themes in the safeguarding and promotion of the welfare of children',
  reg11_c:
    'Reg. 11(c): the case highlights or may highlight concerns regarding two or more organisations or agencies working together effectively to safeguard and promote the welfare of children',
  reg11_d:
    'Reg. 11(d): the Panel has considered the case and concluded that a local review may be more appropriate',
});

export const REVIEW_CRITERIA_NAMES: Record<string, string> = {
  ...NATIONAL_CRITERIA.names,
  ...LOCAL_CRITERIA.names,
};
const CRITERIA_VALUES = [...NATIONAL_CRITERIA.values, ...LOCAL_CRITERIA.values] as const;

const ticked = (values: readonly [string, ...string[]], message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().filter(Boolean)))
    .pipe(z.array(z.enum(values, { error: message })));

export const OUTCOME_DATES = ['decidedOn'];
export const PANEL_DATES = ['sentToPanelOn', 'panelResponseOn'];
export const MEETING_DATES = ['day'];

const NATIONAL = new Set<string>(NATIONAL_CRITERIA.values);
const LOCAL = new Set<string>(LOCAL_CRITERIA.values);

/** Why the ticked criteria do not fit the outcome, or null: each review has its regulation. */
function criteriaProblem(outcome: unknown, ticks: unknown) {
  const criteria = [ticks ?? []].flat().map(String);
  const national = criteria.some((value) => NATIONAL.has(value));
  const local = criteria.some((value) => LOCAL.has(value));
  if (outcome === 'national_review') {
    if (local)
      return 'A national review is referred on the criteria of regulation 3: untick those of regulation 11';
    if (!national) return 'Select the criteria of regulation 3 that apply for a national review';
  }
  if (outcome === 'local_review') {
    if (national)
      return 'A local review is held on the criteria of regulation 11: untick those of regulation 3';
    if (!local) return 'Select the criteria of regulation 11 that apply for a local review';
  }
  return null;
}

/** Checked even when another field is wrong, so that every problem is listed at once. */
const always = { when: () => true };

export const outcomeForm = z
  .object({
    outcome: z.enum(OUTCOMES.values, { error: 'Select the outcome of the rapid review' }),
    learningScope: z.enum(LEARNING_SCOPES.values).optional().catch(undefined),
    criteriaMet: ticked(CRITERIA_VALUES, 'Select criteria from the list'),
    rationale: requiredText('Enter the rationale for the outcome', 'The rationale', 10_000),
    decidedOn: calendarDate('The date of the decision', { required: true }),
    version: versionField,
  })
  .refine((input) => input.outcome !== 'no_review' || Boolean(input.learningScope), {
    ...always,
    path: ['learningScope'],
    message: 'Select whether the learning is single-agency or multi-agency',
  })
  .superRefine((input, context) => {
    const problem = criteriaProblem(input.outcome, input.criteriaMet);
    if (problem) context.addIssue({ code: 'custom', path: ['criteriaMet'], message: problem });
  }, always);
export type OutcomeInput = z.infer<typeof outcomeForm>;

const OUTCOME_FIELDS = ['outcome', 'learningScope', 'criteriaMet', 'rationale', 'decidedOn'];

/** The errors in the order of the fields on the page, as the error summary lists them. */
export function inOutcomeOrder(errors: FieldErrors): FieldErrors {
  const rank = (field: string) => {
    const at = OUTCOME_FIELDS.indexOf(field);
    return at < 0 ? OUTCOME_FIELDS.length : at;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

export const panelForm = z.object({
  sentToPanelOn: calendarDate('The date the rapid review was sent to the Panel'),
  panelResponseOn: calendarDate("The date of the Panel's response"),
  panelResponse: optionalText("The Panel's response", 10_000),
  version: versionField,
});
export type PanelInput = z.infer<typeof panelForm>;

/** Either a new meeting of a chosen body, or one already scheduled. */
export const meetingForm = z.discriminatedUnion(
  'choice',
  [
    z.object({
      choice: z.literal('new'),
      bodyId: z.uuid({ error: 'Select the body that will meet' }),
      day: calendarDate('The date of the meeting', { required: true }),
      startTime: clockTime('Start time'),
      endTime: clockTime('End time'),
      location: optionalText('Location', 300).transform((value) => value ?? ''),
      version: versionField,
    }),
    z.object({
      choice: z.literal('existing'),
      meetingId: z.uuid({ error: 'Select the meeting' }),
      version: versionField,
    }),
  ],
  { error: 'Select whether to schedule a new meeting or link one already scheduled' },
);
export type MeetingChoiceInput = z.infer<typeof meetingForm>;

export const parseOutcomeForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, OUTCOME_DATES);
export const parsePanelForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, PANEL_DATES);
export const parseMeetingForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, MEETING_DATES);
