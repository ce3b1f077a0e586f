/** Shared by the upload tests: a hand-written multipart body and a post of it with the browser's cookies. */
import type { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';

export const BOUNDARY = '----samenhang-test-boundary-7MA4YWxkTrZu0gW';

/** A closed square ring of 0.01° at (x, y), as Polygon coordinates. */
export const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.01, y],
    [x + 0.01, y + 0.01],
    [x, y + 0.01],
    [x, y],
  ],
];

/** A multipart/form-data body written by hand, the way a browser sends the upload form. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: string }): string {
  let body = '';
  for (const [name, value] of Object.entries(fields)) {
    body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  if (file) {
    body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/geo+json\r\n\r\n${file.content}\r\n`;
  }
  return body + `--${BOUNDARY}--\r\n`;
}

/** Post a multipart body to Krimpen's area upload with the browser's cookies. */
export function upload(ctx: ReturnType<typeof useTestApp>, browser: TestBrowser, body: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/krimpen-aan-den-ijssel/beheer/gebieden',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      accept: 'text/html',
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}
