import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';

export function bodyRoutes(_app: FastifyInstance, _services: Services) {}
