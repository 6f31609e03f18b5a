import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';

export function peopleRoutes(_app: FastifyInstance, _services: Services) {}
