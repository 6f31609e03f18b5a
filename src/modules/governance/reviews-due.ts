import { addDays, format, parseISO } from 'date-fns';

/** The yearly reviews section 20 asks for, and terms of reference reviews, as one list. */
export interface ReviewDue {
  bodyId: string;
  bodyName: string;
  review: 'Chair' | 'Vice-chair' | 'Terms of reference';
  dueOn: string;
  overdue: boolean;
}

interface BodyDates {
  id: string;
  name: string;
  closedAt: Date | null;
  chairPersonId: string | null;
  chairReviewDueOn: string | null;
  viceChairPersonId: string | null;
  viceChairReviewDueOn: string | null;
  termsOfReferenceReviewDueOn: string | null;
}

/** The last day a list looking `days` ahead of `today` covers. */
export const horizon = (today: string, days: number) =>
  format(addDays(parseISO(today), days), 'yyyy-MM-dd');

/** Reviews of open bodies due by `until`, overdue ones (before `today`) first, then by date. */
export function reviewsDue(bodies: BodyDates[], today: string, until: string): ReviewDue[] {
  const due: ReviewDue[] = [];
  for (const body of bodies.filter((candidate) => candidate.closedAt === null)) {
    const add = (review: ReviewDue['review'], dueOn: string | null, holder = true) => {
      if (dueOn && holder && dueOn <= until)
        due.push({ bodyId: body.id, bodyName: body.name, review, dueOn, overdue: dueOn < today });
    };
    add('Chair', body.chairReviewDueOn, body.chairPersonId !== null);
    add('Vice-chair', body.viceChairReviewDueOn, body.viceChairPersonId !== null);
    add('Terms of reference', body.termsOfReferenceReviewDueOn);
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.bodyName.localeCompare(b.bodyName));
}
