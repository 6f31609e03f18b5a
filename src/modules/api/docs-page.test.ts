import { describe, expect, it } from 'vitest';
import { docsPage, typeWords } from './docs-page.js';

describe('types in words, for the API page', () => {
  it('names records to link to, lists, pages and nulls', () => {
    const agency = { $ref: '#/components/schemas/Agency' };
    expect(typeWords(agency)).toEqual({ before: '', record: 'Agency', after: '' });
    expect(typeWords({ type: 'array', items: agency })).toEqual({
      before: 'list of ',
      record: 'Agency',
      after: '',
    });
    expect(
      typeWords({ type: 'object', properties: { items: { type: 'array', items: agency } } }),
    ).toEqual({ before: 'page of ', record: 'Agency', after: '' });
    expect(
      typeWords({ oneOf: [agency, { type: 'object', nullable: true, enum: [null] }] }),
    ).toEqual({ before: '', record: 'Agency', after: ', or null' });
    expect(typeWords({ type: 'string', format: 'date', nullable: true }).before).toBe(
      'string (date), or null',
    );
    expect(typeWords({ type: 'string', enum: ['monthly', 'custom'] }).before).toBe(
      'string: one of monthly, custom',
    );
    expect(typeWords(undefined).before).toBe('any');
  });

  it('lists each operation with its parameters and answers, and a curl example', () => {
    const page = docsPage(
      {
        openapi: '3.0.3',
        info: { title: 'MASA API', version: '1' },
        paths: {
          '/api/v1/bodies/{id}': {
            get: {
              summary: 'Get a body',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { '404': { description: 'No such record' } },
            },
          },
        },
      },
      'https://masa.example',
    );
    expect(page.operations).toEqual([
      expect.objectContaining({
        id: 'get-api-v1-bodies-id',
        method: 'GET',
        path: '/api/v1/bodies/{id}',
        parameters: [expect.objectContaining({ name: 'id', in: 'path', required: true })],
        responses: [expect.objectContaining({ status: '404', description: 'No such record' })],
      }),
    ]);
    expect(page.curlExample).toBe(
      'curl --header "Authorization: Bearer $MASA_TOKEN" "https://masa.example/api/v1/bodies/{id}"',
    );
  });
});
