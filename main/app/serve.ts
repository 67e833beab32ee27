// Answers one request for the app:// scheme from the renderer build folder. Pure Node (no
// Electron import) so the traversal guard and headers are tested without launching Electron;
// protocol.ts plugs it into `protocol.handle`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolveUnderRoot, contentTypeFor, CONTENT_SECURITY_POLICY } from '../domain/safe-path';
import { isAppUrl } from './url-policy';

/** Sent with every answer, errors included, so no response of ours is ever without a CSP. */
const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

export interface AppRequest {
  url: string;
  method: string;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Streams `<root>/<path>` for `app://kiemchung/<path>`; 404 for anything outside root or missing. */
export async function serveAppRequest(root: string, req: AppRequest): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Phương thức không được hỗ trợ.');
  if (!isAppUrl(req.url)) return plain(404, 'Không tìm thấy.');
  // URL.pathname keeps percent-escapes; resolveUnderRoot decodes them and refuses what would
  // escape the root (`%2e%2e`, encoded slashes or backslashes, NUL).
  const file = resolveUnderRoot(root, new URL(req.url).pathname);
  if (!file) return plain(404, 'Không tìm thấy.');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return plain(404, 'Không tìm thấy.');

  const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(file), 'Content-Length': String(info.size) };
  if (req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(fileStream(file), { status: 200, headers });
}

/**
 * A web stream over the file, read chunk by chunk as Chromium pulls (fonts, audio and criteria
 * sets can be large; nothing is read whole). Built by hand because Node's `Readable.toWeb`
 * returns node:stream/web's type, which the DOM `Response` constructor does not accept.
 */
function fileStream(file: string): ReadableStream<Uint8Array> {
  const chunks = createReadStream(file, { highWaterMark: 256 * 1024 })[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      const chunk: unknown = next.value;
      if (next.done) controller.close();
      else if (chunk instanceof Uint8Array) controller.enqueue(chunk);
      else controller.error(new TypeError('a file read returned something other than bytes'));
    },
    async cancel() {
      // Closes the file when the page stops reading (navigation, aborted media request).
      await chunks.return?.();
    },
  });
}
