/**
 * A local stand-in for the map tile server (MAP_TILE_URL), so no browser test fetches tiles from
 * the internet: every /{z}/{x}/{y}.png is one small grey PNG, anything else (e.g. /kapot/…) is 404.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface TileStub {
  /** The URL template to give the app as MAP_TILE_URL. */
  url: string;
  /** How many tiles were served so far. */
  requests(): number;
  close(): Promise<void>;
}

export async function startTileStub(): Promise<TileStub> {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#dfe6ec' } })
    .png()
    .toBuffer();
  let served = 0;
  const server = createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      served += 1;
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/{z}/{x}/{y}.png`,
    requests: () => served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
