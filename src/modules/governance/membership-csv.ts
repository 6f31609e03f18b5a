import { MEMBERSHIP_STATUSES, type MembershipStatus } from './governance.vocabulary.js';

/** The columns of the membership export, in the order a spreadsheet shows them. */
export const EXPORT_COLUMNS = [
  'agency',
  'body',
  'full_name',
  'job_title',
  'email',
  'status',
  'represents_agency',
  'decision_making',
  'starts_on',
  'ends_on',
] as const;

/** The columns an import reads, with what each one takes; the import page lists them. */
export const IMPORT_COLUMNS = [
  { name: 'full_name', required: true, takes: 'The person’s full name' },
  { name: 'job_title', required: true, takes: 'Their job title (designation)' },
  { name: 'agency', required: true, takes: 'The agency they work for, as named in the register' },
  { name: 'email', required: true, takes: 'Their work email address: it identifies the person' },
  { name: 'phone', required: false, takes: 'Their phone number' },
  { name: 'body', required: true, takes: 'The body they sit on, as named in the register' },
  { name: 'status', required: true, takes: 'Their membership status, in words' },
  {
    name: 'represents_agency',
    required: false,
    takes: 'The agency they represent on the body; if blank, the agency they work for',
  },
  { name: 'decision_making', required: true, takes: 'yes or no; observers are always no' },
  { name: 'starts_on', required: true, takes: 'First day of the membership' },
  { name: 'ends_on', required: false, takes: 'Last day of the membership, if it has one' },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name'];

/** A cell's words reduced to compare: "Co-opted", "co_opted" and "CO OPTED" all match. */
const comparable = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** The status a cell names, by its words or its stored value, whatever the case. */
export function statusNamed(text: string): MembershipStatus | null {
  const wanted = comparable(text);
  if (wanted === '') return null;
  return (
    MEMBERSHIP_STATUSES.values.find(
      (value) =>
        comparable(value) === wanted || comparable(MEMBERSHIP_STATUSES.names[value]) === wanted,
    ) ?? null
  );
}

export const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** A fictional example row for the template, in the import's column order. */
export const TEMPLATE_EXAMPLE: Record<ImportColumn, string> = {
  full_name: 'Alex Example',
  job_title: 'Director of Children’s Services',
  agency: 'Northshire Council',
  email: 'alex.example@council.example',
  phone: '',
  body: 'Safeguarding Children Partnership',
  status: 'Safeguarding partner',
  represents_agency: '',
  decision_making: 'yes',
  starts_on: '2026-04-01',
  ends_on: '',
};
