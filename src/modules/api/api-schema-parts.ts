/** The pieces every API schema is made of: JSON Schema for Fastify and the OpenAPI document. */
export const described = <T extends object>(schema: T, description: string) => ({
  ...schema,
  description,
});
export const text = { type: 'string' } as const;
export const optionalText = { type: ['string', 'null'] } as const;
export const id = { type: 'string', format: 'uuid' } as const;
export const flag = { type: 'boolean' } as const;
export const day = { type: 'string', format: 'date' } as const;
export const optionalDay = { type: ['string', 'null'], format: 'date' } as const;
export const optionalTime = { type: ['string', 'null'], format: 'date-time' } as const;
export const ref = (name: string) => ({ $ref: `${name}#` });
export const optionalRef = (name: string) => ({ oneOf: [ref(name), { type: 'null' }] });
export const listOf = (name: string) => ({ type: 'array', items: ref(name) });
export const choice = (values: readonly string[]) => ({ type: 'string', enum: [...values] });

/** Every property is always present (null when empty), and nothing else is. */
export const record = (
  name: string,
  description: string,
  properties: Record<string, object>,
  optional: string[] = [],
) => ({
  $id: name,
  title: name,
  description,
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
});
