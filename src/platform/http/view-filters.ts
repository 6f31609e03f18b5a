/** Small text helpers the templates use, kept pure so they are easy to test. */

/** The list's query string with another page number, for pagination links. */
export function pageQuery(query: Record<string, unknown> | undefined, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (key !== 'page' && typeof value === 'string' && value !== '') params.set(key, value);
  params.set('page', String(page));
  return params.toString();
}

/** "membership.deputy_added" -> "Membership deputy added". */
export function auditActionName(action: string): string {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
