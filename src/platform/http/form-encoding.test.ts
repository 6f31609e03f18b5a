import { describe, expect, it } from 'vitest';
import { MalformedFormError, parseFormBody } from './form-encoding.js';

describe('parseFormBody', () => {
  it('decodes plus signs, escapes and UTF-8, and gathers repeated fields', () => {
    expect(parseFormBody('name=Ana+L%C3%B3pez&roles=member&roles=observer&empty=&flag')).toEqual({
      name: 'Ana López',
      roles: ['member', 'observer'],
      empty: '',
      flag: '',
    });
  });

  it.each(['email=%zz', 'password=%', 'name=%E0%A4%A', 'x=%C3%28'])(
    'refuses the malformed body %s',
    (body) => {
      expect(() => parseFormBody(body)).toThrow(MalformedFormError);
    },
  );

  it('keeps a field called __proto__ as plain data', () => {
    const fields = parseFormBody('__proto__=x&a=1');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields.a).toBe('1');
  });
});
