import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { agendaItemsRoutes } from './agenda-items.routes.js';
import { papersRoutes } from './papers.routes.js';
import { proposalsRoutes } from './proposals.routes.js';
import { standingItemsRoutes } from './standing-items.routes.js';

/** Agendas: standing items, a meeting's items, papers, proposals and publishing. */
export function agendaRoutes(app: FastifyInstance, services: Services) {
  standingItemsRoutes(app, services);
  agendaItemsRoutes(app, services);
  papersRoutes(app, services);
  proposalsRoutes(app, services);
}
