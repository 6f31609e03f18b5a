import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';

export function membershipRoutes(_app: FastifyInstance, _services: Services) {}
