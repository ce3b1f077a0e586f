/**
 * Stopping the server while a browser holds a connection it never used.
 *
 * Browsers open connections before they need them (Chromium's preconnect). Node counts such a
 * connection as busy until its first request has ended (its header timer starts at connect), so
 * `server.close()` — and Fastify's close, which ends only idle keep-alive connections — waits for it
 * until `headersTimeout` (60 s) or `requestTimeout` (300 s), and `samenhang serve` would give up
 * after 15 s and exit with an error. Found when a browser journey's in-process app did not stop.
 *
 * Before the server closes, connections that never carried a request are ended: nothing is lost,
 * since no request was received on them (a browser opens a new connection for its next request).
 * Connections with a request in flight are left alone and finish as before.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function endUnusedConnectionsOnClose(app: FastifyInstance): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (req: { socket: Socket }) => unused.delete(req.socket));
  app.addHook('preClose', async () => {
    for (const socket of unused) socket.destroy();
    unused.clear();
  });
}
