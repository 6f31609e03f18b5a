import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import {
  optionalText,
  requiredId,
  requiredText,
  versionField,
} from '../../platform/form-fields.js';
import { vocabulary } from '../../platform/vocabulary.js';

export const CASE_KINDS = vocabulary({
  serious_incident: 'Serious incident',
  good_practice: 'Good practice',
});

export const CRITERIA = vocabulary({
  abuse_or_neglect: 'Abuse or neglect is known or suspected',
  death: 'The child has died',
  serious_harm: 'The child has been seriously harmed',
  looked_after: 'The child is looked after',
  care_leaver: 'The young person is a care leaver',
});

const idList = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().filter(Boolean)))
    .pipe(z.array(z.uuid(message)));

const criteriaList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat().filter(Boolean)))
  .pipe(z.array(z.enum(CRITERIA.values, { error: 'Select criteria from the list' })));

/** The days each party was told; checked against the awareness date by the service. */
const toldDates = {
  panelNotifiedOn: calendarDate('The date the Panel was notified'),
  ofstedNotifiedOn: calendarDate('The date Ofsted and the DfE were notified'),
  partnersNotifiedOn: calendarDate('The date the safeguarding partners were told'),
};

export const NOTIFICATION_DATES = [
  'awareOn',
  'panelNotifiedOn',
  'ofstedNotifiedOn',
  'partnersNotifiedOn',
];
export const CHILD_DATES = ['dateOfBirth'];

const NHS_NUMBER = /^\d{10}$/;

/** The NHS number's own check digit (modulus 11), so a mistyped number is caught. */
export function validNhsNumber(digits: string) {
  if (!NHS_NUMBER.test(digits)) return false;
  const total = [...digits.slice(0, 9)].reduce(
    (sum, digit, index) => sum + Number(digit) * (10 - index),
    0,
  );
  const check = 11 - (total % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export const childFields = {
  childName: requiredText("Enter the child's name", "The child's name", 200),
  dateOfBirth: calendarDate('Date of birth'),
  nhsNumber: z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/[\s-]/g, ''))
    .refine((value) => value === '' || validNhsNumber(value), {
      message: 'Enter a valid 10-digit NHS number, like 999 000 0018',
    })
    .transform((value) => value || null),
  address: optionalText('The address', 500),
};

export const childForm = z.object({ ...childFields, version: versionField });
export type ChildInput = z.infer<typeof childForm>;

/** A new case: a notified serious incident with its first child, or a good-practice case. */
export const notificationForm = z.object({
  reference: requiredText('Enter the case reference, for example SI-2026-007', 'The reference', 40),
  kind: z.enum(CASE_KINDS.values, { error: 'Select what kind of case this is' }),
  awareOn: calendarDate('The date the local authority became aware', { required: true }),
  criteria: criteriaList,
  agencyIds: idList('Select agencies from the list'),
  ...toldDates,
  ...childFields,
});
export type NotificationInput = z.infer<typeof notificationForm>;

export const notificationChangeForm = z.object({
  awareOn: calendarDate('The date the local authority became aware', { required: true }),
  criteria: criteriaList,
  agencyIds: idList('Select agencies from the list'),
  ...toldDates,
  version: versionField,
});
export type NotificationChange = z.infer<typeof notificationChangeForm>;

export const closeForm = z.object({
  closeReason: requiredText('Enter why the case is being closed', 'The reason', 2000),
  version: versionField,
});
export type CloseInput = z.infer<typeof closeForm>;

export const teamMemberForm = z.object({
  userId: requiredId('Select who to add to the case team'),
});

export const parseNotificationForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, [...NOTIFICATION_DATES, ...CHILD_DATES]);
export const parseChildForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, CHILD_DATES);
