import path from 'node:path';
import view from '@fastify/view';
import type { FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import { ukDate, ukDateTime, ukTime } from '../dates.js';
import { auditActionName, pageQuery } from './view-filters.js';

const root = process.cwd();

/** Shared layout in src/views, each module's pages under src/modules/<module>/views, GOV.UK macros. */
export async function registerViews(app: FastifyInstance, reloadTemplates: boolean) {
  await app.register(view, {
    engine: { nunjucks },
    templates: [
      path.join(root, 'src/views'),
      path.join(root, 'src/modules'),
      path.join(root, 'node_modules/govuk-frontend/dist'),
    ],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      noCache: reloadTemplates,
      onConfigure: (environment: nunjucks.Environment) => {
        environment.addFilter('ukDateTime', ukDateTime);
        environment.addFilter('ukDate', ukDate);
        environment.addFilter('ukTime', ukTime);
        environment.addFilter('pageQuery', pageQuery);
        environment.addFilter('auditActionName', auditActionName);
        environment.addFilter('json', (value: unknown) =>
          value === null || value === undefined ? '' : JSON.stringify(value),
        );
      },
    },
  });
}
