// app:// answers (main/app/protocol-files.ts) on a real folder: the right file with its type and the CSP,
// 404 for anything outside the renderer folder, large files streamed intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { serveAppRequest, type ServedFile } from '../../main/app/protocol-files';
import { contentDisposition } from '../../main/domain/content-disposition';
import { CONTENT_SECURITY_POLICY } from '../../main/domain/safe-path';

let base: string;
let root: string;
const big = randomBytes(3 * 1024 * 1024 + 17);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const registered = new Map<string, ServedFile>();
const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method }, (id) => registered.get(id));

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'kc-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kiểm Chứng</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'chuông báo.wav'), big);
  // Beside the root, where a traversal would land.
  writeFileSync(path.join(base, 'secret.txt'), 'bí mật');
  writeFileSync(path.join(base, 'renderer-evil.txt'), 'bí mật');
  // A registered export, stored outside the renderer folder like every blob.
  writeFileSync(path.join(base, 'export.bin'), '<html><script>alert(1)</script></html>');
  registered.set('Xy_9-z', { path: path.join(base, 'export.bin'), fileName: 'Báo cáo (tổng hợp) 2025.html', mediaType: 'text/html' });
  registered.set('gone', { path: path.join(base, 'deleted.bin'), fileName: 'x.pdf', mediaType: 'application/pdf' });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('serves index.html for / and /index.html, with the CSP and nosniff', async () => {
    for (const url of ['app://kiemchung/', 'app://kiemchung/index.html', 'app://kiemchung/index.html#/users']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('Kiểm Chứng');
    }
  });

  it('gives scripts and styles their content types', async () => {
    expect((await get('app://kiemchung/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://kiemchung/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('streams a large file intact, with its length, and answers HEAD without a body', async () => {
    const url = `app://kiemchung/assets/${encodeURIComponent('chuông báo.wav')}`;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('content-length')).toBe(String(big.length));
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(big));
    const head = await get(url, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(big.length));
    expect(head.body).toBeNull();
  });

  it.each([
    ['a missing file', 'app://kiemchung/nope.js'],
    ['a folder', 'app://kiemchung/assets'],
    ['..', 'app://kiemchung/../secret.txt'],
    ['%2e%2e', 'app://kiemchung/%2e%2e/secret.txt'],
    ['encoded slash', 'app://kiemchung/..%2fsecret.txt'],
    ['encoded backslash', 'app://kiemchung/..%5csecret.txt'],
    ['a sibling folder sharing the prefix', 'app://kiemchung/..%2frenderer-evil.txt'],
    ['NUL', 'app://kiemchung/index.html%00.js'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('answers 404 for %s, still with the CSP', async (_what, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('bí mật');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://kiemchung/index.html', 'POST')).status).toBe(405);
    expect((await get('app://kiemchung/index.html', 'PUT')).status).toBe(405);
  });

  it('serves a registered file only as an attachment, in a sandbox, never cached', async () => {
    const res = await get('app://kiemchung/files/Xy_9-z');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.headers.get('content-disposition')).toBe(contentDisposition('attachment', 'Báo cáo (tổng hợp) 2025.html'));
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<script>');
    expect((await get('app://kiemchung/files/Xy_9-z', 'HEAD')).body).toBeNull();
  });

  it.each([
    ['an unknown id', 'app://kiemchung/files/nope'],
    ['a registered file that is gone', 'app://kiemchung/files/gone'],
    ['a malformed id', 'app://kiemchung/files/%E0%A4%A'],
  ])('answers 404 for %s', async (_what, url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('answers 404 for files when no registry is plugged in', async () => {
    expect((await serveAppRequest(root, { url: 'app://kiemchung/files/Xy_9-z', method: 'GET' })).status).toBe(404);
  });

  it('names the file for the save dialog in ASCII and, exactly, in UTF-8 (RFC 6266/5987)', () => {
    expect(contentDisposition('attachment', 'Báo cáo (tổng hợp) 2025.html')).toBe(
      `attachment; filename="Bao cao (tong hop) 2025.html"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28t%E1%BB%95ng%20h%E1%BB%A3p%29%202025.html`,
    );
    expect(contentDisposition('attachment', 'Đơn "x"\\y.pdf')).toBe(`attachment; filename="Don _x__y.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%22x%22%5Cy.pdf`);
    expect(contentDisposition('attachment', "it's*.pdf")).toContain("filename*=UTF-8''it%27s%2A.pdf");
  });
});
