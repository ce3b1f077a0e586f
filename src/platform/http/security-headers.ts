import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers (Content-Security-Policy, HSTS in production, X-Content-Type-Options, …) on
 * every reply, by `helmet`. The middleware is built once here and applied in an onRequest hook:
 * the Fastify plugin built it anew on every request (parsing the CSP directives each time), a few
 * per cent of an anonymous page's cost (docs/performance.md). Headers are the same.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const apply = helmet(options);
  app.addHook('onRequest', (req, reply, done) => {
    apply(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
}
