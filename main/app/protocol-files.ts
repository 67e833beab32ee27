// Answers one request for the app:// scheme from the renderer build folder. Pure Node (no
// Electron import) so the traversal guard and headers are tested without launching Electron;
// protocol.ts plugs it into `protocol.handle`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolveUnderRoot, contentTypeFor, CONTENT_SECURITY_POLICY } from '../domain/safe-path';
import { APP_FILES_PATH, isAppUrl } from './url-policy';
import { contentDisposition } from '../domain/content-disposition';
import { viShell } from '../../shared/i18n/vi/shell';

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

/** A file the API registered for the user to save (main/services/files.ts), by its opaque id. */
export interface ServedFile {
  path: string;
  fileName: string;
  mediaType: string;
}
export type FileLookup = (id: string) => ServedFile | undefined;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Streams `<root>/<path>` for `app://kiemchung/<path>`, and a registered file for
 * `app://kiemchung/files/<id>`; 404 for anything outside root, unknown or missing.
 */
export async function serveAppRequest(root: string, req: AppRequest, files?: FileLookup): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, viShell.protocol.methodNotAllowed);
  if (!isAppUrl(req.url)) return plain(404, viShell.protocol.notFound);
  const { pathname } = new URL(req.url);
  if (pathname.startsWith(APP_FILES_PATH)) return serveRegisteredFile(files, pathname.slice(APP_FILES_PATH.length), req.method);
  // URL.pathname keeps percent-escapes; resolveUnderRoot decodes them and refuses what would
  // escape the root (`%2e%2e`, encoded slashes or backslashes, NUL).
  const file = resolveUnderRoot(root, pathname);
  if (!file) return plain(404, viShell.protocol.notFound);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return plain(404, viShell.protocol.notFound);

  const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(file), 'Content-Length': String(info.size) };
  if (req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(fileStream(file), { status: 200, headers });
}

/**
 * A registered file, always as an attachment: Chromium turns it into a download (Electron asks
 * where to save it) instead of showing user-supplied content inside the app's own origin. The
 * policy `sandbox; default-src 'none'` holds should anything still try to render it.
 */
async function serveRegisteredFile(files: FileLookup | undefined, rawId: string, method: string): Promise<Response> {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return plain(404, viShell.protocol.notFound);
  }
  const f = files?.(id);
  const info = f && (await stat(f.path).catch(() => null));
  if (!f || !info?.isFile()) return plain(404, viShell.protocol.fileGone);
  const headers = {
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Type': f.mediaType,
    'Content-Length': String(info.size),
    'Content-Disposition': contentDisposition('attachment', f.fileName),
  };
  return new Response(method === 'HEAD' ? null : fileStream(f.path), { status: 200, headers });
}

/**
 * A web stream over the file, read chunk by chunk as Chromium pulls (fonts, audio and criteria
 * sets can be large; nothing is read whole). Built by hand rather than with `Readable.toWeb`
 * only because that returns node:stream/web's type, which the DOM `Response` typing rejects.
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
