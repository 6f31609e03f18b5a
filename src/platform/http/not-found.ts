import type { FastifyReply } from 'fastify';

/** The same answer for "does not exist" and "belongs to another partnership", so existence is not revealed. */
export function notFound(reply: FastifyReply) {
  return reply.code(404).page('error.njk', {
    pageTitle: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  });
}
