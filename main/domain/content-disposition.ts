import { stripDiacritics } from './vietnamese';

/**
 * RFC 6266/5987 Content-Disposition: an ASCII fallback (Vietnamese marks stripped) plus the exact
 * UTF-8 name. Shared by browser mode's /files route, the Electron app:// handler and the receiver.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = stripDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 values may not contain them.
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
