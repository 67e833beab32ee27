// Browser mode's HTTP host: loopback only, token-guarded, no path traversal, strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { tempDir, cleanup } from '../helpers/services';
import { startServe, apiCall, type Served } from '../helpers/cli';

let dir: string;
let s: Served;
beforeAll(async () => {
  dir = tempDir();
  s = await startServe(dir);
});
afterAll(async () => {
  await s.stop();
  cleanup(dir);
});

/** A raw request, so the Host header and path can be anything. */
function raw(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode host', () => {
  it('serves the app with a strict CSP and a fresh per-launch token', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.body).toContain(`content="${s.token}"`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token, with a wrong token, or from another origin', async () => {
    const body = '{}';
    const noToken = await raw('/api/system.info', { method: 'POST', body });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body).error.code).toBe('BAD_TOKEN');
    // What to do, in words: a page left open across a restart holds the old launch token.
    expect(JSON.parse(noToken.body).error.message).toMatch(/^Ứng dụng đã khởi động lại nên trang này đã cũ — hãy bấm Tải lại trang/);
    const wrong = await raw('/api/system.info', { method: 'POST', body, headers: { 'x-kiemchung-token': 'x'.repeat(s.token.length) } });
    expect(wrong.status).toBe(403);
    const foreign = await raw('/api/system.info', { method: 'POST', body, headers: { 'x-kiemchung-token': s.token, origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const ok = await raw('/api/system.info', { method: 'POST', body, headers: { 'x-kiemchung-token': s.token, origin: `http://127.0.0.1:${s.port}` } });
    expect(JSON.parse(ok.body).ok).toBe(true);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await raw('/', { headers: { host: `attacker.example:${s.port}` } });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain(s.token);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json']) {
      const r = await raw(p);
      expect(r.body, p).not.toContain('"devDependencies"');
    }
  });

  it('reports an unknown method as a Vietnamese error value', async () => {
    const r = await apiCall(s, 'khong.co', {});
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Yêu cầu không hợp lệ: không có chức năng "khong.co".' } });
  });

  it('listens on loopback only', async () => {
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
  });
});
