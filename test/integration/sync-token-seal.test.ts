// The enrollment's bearer token at rest: the desktop app seals it with the OS keychain (as the
// signing key), so the database alone does not hold it; the outbox opens it to send. Opened by a
// process without that keychain, each package says why it cannot go (nothing is sent without it).
// Browser mode and the CLI, which have no keychain, keep it as issued (README explains why).
// safeStorage is stood in for by what it is: authenticated encryption under one OS user's secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { keychainFrom, type SafeStorageLike } from '../../main/app/keychain';
import { createSelfSignedIdentity } from '../../main/services/package-format';
import { SyncRunner } from '../../main/services/sync/runner';
import { getRow, queueRow } from '../../main/services/sync/outbox';
import { SYSTEM_ACTOR } from '../../main/services/context';
import { DB_FILE } from '../../main/db/connection';
import Database from 'better-sqlite3';
import { cleanup, openTestApp, setUpOffice, tempDir, type TestApp } from '../helpers/services';

const TOKEN = 'token-cua-xa-'.padEnd(48, 'x');
const OFFICE = 'Thái Nguyên/Võ Nhai/Phú Thượng';

function osUser(): SafeStorageLike {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

let server: http.Server;
let url: string;
let receiverPem: string;
/** The Authorization header of every request after enrollment. */
const bearers: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  receiverPem = (await createSelfSignedIdentity({ commonName: 'Máy nhận thử', organization: 'Sở Nội vụ', locality: 'Võ Nhai', province: 'Thái Nguyên' }))
    .certificatePem;
  server = http.createServer((req, res) => {
    req.resume();
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/health') return json(200, { ok: true, time: Date.now(), version: 1, receiver: 'kiemchung-receiver' });
    if (req.url === '/v1/enroll') return json(200, { office: OFFICE, clientToken: TOKEN, receiverCertificatePem: receiverPem, enrolledAt: Date.now() });
    bearers.push(String(req.headers.authorization ?? ''));
    // The package's status: unknown here, and creating an upload is refused (nothing more is needed).
    json(req.url?.startsWith('/v1/packages/') ? 404 : 503, { code: 'X', message: 'không' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(() => {
  server.close();
  dirs.forEach(cleanup);
});

async function enrolled(keychain: SafeStorageLike | null): Promise<TestApp> {
  const dir = tempDir('kc-token-');
  dirs.push(dir);
  const app = openTestApp(dir, { keychain: keychain ? keychainFrom(keychain, 'linux') : null });
  const token = await setUpOffice(app);
  await app.call('keys.create', { passphrase: 'mat-khau-khoa-ky-2026' }, token);
  await app.call('sync.enroll', { url, code: 'ABCD-EFGH-IJKL' }, token);
  return app;
}

const storedToken = (dir: string) => {
  const db = new Database(path.join(dir, DB_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT client_token AS t FROM sync_connection').get() as { t: string }).t;
  } finally {
    db.close();
  }
};

function queued(app: TestApp) {
  const file = path.join(app.dir, 'goi.zip');
  writeFileSync(file, Buffer.alloc(100, 1));
  return app.s.db.tx((w) => queueRow(w, app.s, SYSTEM_ACTOR, { packageId: null, path: file, sha256: 'b'.repeat(64), size: 100, kind: null }));
}

describe('the enrollment token at rest', () => {
  it('desktop app: sealed by the OS keychain in the database, opened to send', async () => {
    const user = osUser();
    const app = await enrolled(user);
    const stored = storedToken(app.dir);
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(stored.length).toBeGreaterThan(TOKEN.length);

    const row = queued(app);
    bearers.length = 0;
    await new SyncRunner(app.s).runOnce();
    expect(bearers[0]).toBe(`Bearer ${TOKEN}`);
    expect(getRow(app.s, row.id)!.state).toBe('waiting'); // the fake receiver refused the upload: retried later
    app.close();

    // The same data folder opened without that keychain (another OS user, browser mode on a copy):
    // nothing goes out, and the package says why and what to do.
    const other = openTestApp(app.dir);
    try {
      other.s.db.sqlite.prepare('UPDATE outbox SET next_try_at = 0').run();
      bearers.length = 0;
      await new SyncRunner(other.s).runOnce();
      expect(bearers).toEqual([]);
      const after = getRow(other.s, row.id)!;
      expect(after.state).toBe('waiting');
      expect(after.last_error).toMatch(/khóa bằng kho khóa của ứng dụng.*đăng ký lại ở đây bằng mã mới/);
    } finally {
      other.close();
    }
  });

  it('browser mode / CLI (no keychain): kept as the receiver issued it, and sent', async () => {
    const app = await enrolled(null);
    try {
      expect(storedToken(app.dir)).toBe(TOKEN);
      queued(app);
      bearers.length = 0;
      await new SyncRunner(app.s).runOnce();
      expect(bearers[0]).toBe(`Bearer ${TOKEN}`);
    } finally {
      app.close();
    }
  });
});
