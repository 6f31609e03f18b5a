import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import type pg from 'pg';
import type { Services } from './composition.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { actionsRoutes } from './modules/actions/actions.routes.js';
import { administrationRoutes } from './modules/administration/administration.routes.js';
import { apiRoutes } from './modules/api/api.routes.js';
import { arrangementsRoutes } from './modules/arrangements/arrangements.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { governanceRoutes } from './modules/governance/governance.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { reviewsRoutes } from './modules/reviews/reviews.routes.js';
import { NAVIGATION } from './navigation.js';
import { registerAssets } from './platform/http/assets.js';
import { registerErrorPages } from './platform/http/errors.js';
import { parseFormBody } from './platform/http/form-encoding.js';
import { registerGuard, type RegisteredRoute } from './platform/http/guard.js';
import { registerInputText } from './platform/http/input-text.js';
import { loggerOptions } from './platform/http/logging.js';
import { registerPages } from './platform/http/pages.js';
import { registerRequestTransactions } from './platform/http/request-transaction.js';
import { registerSecurity } from './platform/http/security.js';
import { registerSessionResolution } from './platform/http/session-hook.js';
import { registerUploads } from './platform/http/uploads.js';
import { MAX_DOCUMENT_BYTES } from './platform/files/documents.js';
import { registerViews } from './platform/http/views.js';
import './platform/http/types.js';

export interface AppDependencies {
  services: Services;
  pool: pg.Pool;
  settings: {
    production: boolean;
    cookieSecret: string;
    bodyLimit: number;
    trustProxy: boolean;
    logLevel: string;
    /** The address people use (PUBLIC_URL): forms sent from its origin are MASA's own. */
    publicUrl?: string;
    /**
     * Read page templates afresh on every render, so an edit shows without a restart;
     * outside production only, by default. Tests keep them, as production does.
     */
    reloadTemplates?: boolean;
  };
  logger?: FastifyServerOptions['logger'];
  /** A logger made elsewhere (with loggerOptions), e.g. one writing to a test's stream. */
  loggerInstance?: FastifyBaseLogger;
  /** Routes a deployment adds of its own, each with its policy (the benchmark's baselines). */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** Plugins, then modules, then the 404 and error pages, in the order a request meets them. */
export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

export async function buildApp({
  services,
  pool,
  settings,
  logger,
  loggerInstance,
  extraRoutes,
}: AppDependencies): Promise<App> {
  const app = Fastify({
    ...(loggerInstance
      ? { loggerInstance }
      : { logger: logger ?? loggerOptions(settings.logLevel) }),
    genReqId: () => randomUUID(),
    bodyLimit: settings.bodyLimit,
    trustProxy: settings.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const routes = registerGuard(app);
  registerRequestTransactions(app, pool);
  await app.register(cookie, { secret: settings.cookieSecret });
  await app.register(formbody, { bodyLimit: settings.bodyLimit, parser: parseFormBody });
  await registerUploads(app, MAX_DOCUMENT_BYTES);
  await registerSecurity(app, settings.production, settings.publicUrl);
  registerInputText(app);
  await registerViews(app, settings.reloadTemplates ?? !settings.production);
  registerPages(app, settings.production, NAVIGATION);
  registerSessionResolution(app, services.sessions, services.accounts);
  registerErrorPages(app);

  const cookieSettings = { secure: settings.production };
  await registerAssets(app, settings.production);
  healthRoutes(app, pool);
  accountRoutes(app, services, cookieSettings);
  invitationRoutes(app, services, cookieSettings);
  homeRoutes(app, services);
  administrationRoutes(app, services);
  calendarRoutes(app, services);
  governanceRoutes(app, services);
  arrangementsRoutes(app, services);
  meetingsRoutes(app, services);
  actionsRoutes(app, services);
  reviewsRoutes(app, services);
  dashboardRoutes(app, services);
  apiRoutes(app, services);
  extraRoutes?.(app);

  await app.ready();
  return Object.assign(app as FastifyInstance, { registeredRoutes: routes });
}
