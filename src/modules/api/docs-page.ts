/** The API's documentation page, made from its OpenAPI document so the two cannot disagree. */

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  description?: string;
  title?: string;
  minimum?: number;
  maxLength?: number;
  default?: unknown;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: SchemaObject }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: SchemaObject }> }
  >;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** A type as words, with the record it names (if any) to link to. */
export interface TypeWords {
  before: string;
  record: string | null;
  after: string;
}

const refName = (ref: string) => ref.split('/').pop() ?? ref;

export function typeWords(schema: SchemaObject | undefined): TypeWords {
  if (!schema) return { before: 'any', record: null, after: '' };
  const orNull = schema.nullable ? ', or null' : '';
  if (schema.$ref) return { before: '', record: refName(schema.$ref), after: orNull };
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) {
    const named = choices.find((choice) => !choice.nullable || choice.$ref);
    const inner = typeWords(named);
    const nullable = choices.some((choice) => choice !== named);
    return { ...inner, after: `${inner.after}${nullable ? ', or null' : ''}` };
  }
  const pageOf = schema.properties?.items;
  if (schema.type === 'object' && pageOf?.type === 'array') {
    const inner = typeWords(pageOf.items);
    return { ...inner, before: `page of ${inner.before}` };
  }
  if (schema.type === 'array') {
    const inner = typeWords(schema.items);
    return { ...inner, before: `list of ${inner.before}` };
  }
  const format = schema.format ? ` (${schema.format})` : '';
  const values = schema.enum ? `: one of ${schema.enum.filter((v) => v !== null).join(', ')}` : '';
  return { before: `${schema.type ?? 'any'}${format}${values}${orNull}`, record: null, after: '' };
}

function operations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, ''),
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? '',
      description: operation.description ?? '',
      parameters: (operation.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        in: parameter.in === 'path' ? 'path' : 'query',
        required: Boolean(parameter.required),
        description: parameter.description ?? parameter.schema?.description ?? '',
        type: typeWords(parameter.schema),
      })),
      requestBody: operation.requestBody
        ? typeWords(operation.requestBody.content?.['application/json']?.schema)
        : null,
      responses: Object.entries(operation.responses).map(([status, response]) => ({
        status,
        description: response.description,
        type: typeWords(response.content?.['application/json']?.schema),
      })),
    })),
  );
}

function records(document: OpenApiDocument) {
  return Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({
    name,
    description: schema.description ?? '',
    fields: Object.entries(schema.properties ?? {}).map(([field, property]) => ({
      name: field,
      required: (schema.required ?? []).includes(field),
      description: property.description ?? '',
      type: typeWords(property),
    })),
  }));
}

export function docsPage(document: OpenApiDocument, origin: string) {
  const paths = Object.keys(document.paths);
  const list = paths.find((path) => !path.includes('{'));
  const example = list ? `${list}?page=1` : (paths[0] ?? '');
  return {
    title: document.info.title,
    version: document.info.version,
    description: document.info.description ?? '',
    operations: operations(document),
    records: records(document),
    curlExample: `curl --header "Authorization: Bearer $MASA_TOKEN" "${origin}${example}"`,
    openApiUrl: '/api/docs/openapi.json',
  };
}
