/**
 * A strict reader for application/x-www-form-urlencoded bodies. The default reader keeps
 * broken escapes such as "%zz" as literal text; a malformed form is refused with 400 instead.
 */
export class MalformedFormError extends Error {
  readonly statusCode = 400;
  readonly code = 'MASA_MALFORMED_FORM';
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    throw new MalformedFormError('The form body is not valid URL encoding');
  }
}

export function parseFormBody(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  if (body === '') return fields;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const name = decode(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? '' : decode(pair.slice(separator + 1));
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [existing, value].flat();
  }
  return fields;
}
