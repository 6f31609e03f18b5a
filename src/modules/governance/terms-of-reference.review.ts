/**
 * Whether a body's terms of reference are past their review date, for the body list and
 * page to say so in words. Dates are ISO calendar dates ("YYYY-MM-DD"), which compare as
 * text. A closed body no longer meets, so nobody owes its terms a review.
 */
export function termsOfReferenceReviewOverdue(
  body: { termsOfReferenceReviewDueOn: string | null; closedAt?: Date | null },
  today: string,
): boolean {
  if (body.closedAt) return false;
  const dueOn = body.termsOfReferenceReviewDueOn;
  return dueOn !== null && dueOn < today;
}
