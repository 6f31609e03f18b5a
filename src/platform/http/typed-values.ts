/**
 * What the person typed into a form, to show it again after an error: text fields only.
 * A multipart form's file is left out, since a browser cannot be given a file back.
 */
export function typedValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
