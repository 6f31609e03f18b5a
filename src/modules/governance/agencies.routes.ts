import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';

export function agencyRoutes(_app: FastifyInstance, _services: Services) {}
