// Receiver behaviour that needs no separate process, started in-process (startReceiver) once per
// dialect: a full disk answers 507 in Vietnamese and loses nothing, concurrent finalizes of one
// package record it once and all get the same receipt, and a restart answers with that same
// receipt again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAuditBreak } from '../../main/receiver/audit';
import { receiverConfig } from '../../main/receiver/config';
import { issueEnrollCode } from '../../main/receiver/enroll';
import { errorAnswer, isDiskFull } from '../../main/receiver/http';
import { startReceiver } from '../../main/receiver/server';
import { FolderPackageStore } from '../../main/receiver/store';
import { enrollResponse, packageStatusResponse } from '../../shared/sync/protocol';
import { newIdentity } from '../helpers/package';
import { DIALECTS, OFFICE_KEY, api, buildOfficePackage, databaseEnv, hasPostgres, stopPostgres, tusUpload } from '../helpers/receiver';

afterAll(() => stopPostgres());

/** A folder store that can be told to fail as a full disk does. */
class FullDiskStore extends FolderPackageStore {
  full = false;
  override async putFile(sha256: string, source: string) {
    if (this.full) throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
    return super.putFile(sha256, source);
  }
}

describe('receiver error mapping', () => {
  it('recognises a full disk from the file system, SQLite and PostgreSQL', () => {
    expect(isDiskFull(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true);
    expect(isDiskFull(new Error('other'))).toBe(false);
    expect(errorAnswer(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatchObject({ status: 507, body: { code: 'DISK_FULL' } });
    expect(errorAnswer(new Error('boom'))).toMatchObject({ status: 500, body: { code: 'INTERNAL', message: expect.stringContaining('lỗi nội bộ') } });
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver in-process (${dialect})`, () => {
    it('full disk → 507, nothing lost; concurrent finalizes → one record, one receipt; the same receipt after a restart', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-inproc-${dialect}-`));
      const env = await databaseEnv(dialect);
      const config = receiverConfig({ dataDir: path.join(dir, 'data'), port: 0, databaseUrl: env.DATABASE_URL || null });
      const store = new FullDiskStore(path.join(dir, 'data/store'));
      let rx = await startReceiver(config, { store });
      try {
        const identity = await newIdentity();
        const { code } = await issueEnrollCode(rx.ctx, OFFICE_KEY, 7, 'test');
        const { clientToken } = enrollResponse.parse(
          (await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: identity.certificatePem })).json,
        );
        const a = await buildOfficePackage(dir, 'a', identity);
        await tusUpload(rx.url, clientToken, readFileSync(a.zip), { sha256: a.sha256 }).done;

        store.full = true;
        const full = await api(rx.url, 'POST', `/v1/packages/${a.sha256}/finalize`, clientToken);
        expect(full.status).toBe(507);
        expect(full.json).toEqual({ code: 'DISK_FULL', message: expect.stringContaining('hết dung lượng đĩa') });
        store.full = false;
        const ok = await api(rx.url, 'POST', `/v1/packages/${a.sha256}/finalize`, clientToken);
        expect(ok.status).toBe(200);
        expect(packageStatusResponse.parse(ok.json).status).toBe('accepted');

        const b = await buildOfficePackage(dir, 'b', identity);
        await tusUpload(rx.url, clientToken, readFileSync(b.zip), { sha256: b.sha256 }).done;
        const answers = await Promise.all([1, 2, 3, 4].map(() => api(rx.url, 'POST', `/v1/packages/${b.sha256}/finalize`, clientToken)));
        expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200]);
        for (const x of answers) expect(x.json).toEqual(answers[0]!.json);
        const rows = await rx.ctx.db.selectFrom('audit').selectAll().where('entity_id', '=', b.sha256).execute();
        expect(rows.map((r) => r.action)).toEqual(['package.accepted']);
        // The receipt's audit head is the row that recorded it.
        const receipt = packageStatusResponse.parse(answers[0]!.json).receipt!.receipt;
        expect(receipt.auditHead).toEqual({ seq: Number(rows[0]!.seq), hash: rows[0]!.hash });

        await rx.close();
        rx = await startReceiver(config);
        const after = await api(rx.url, 'POST', `/v1/packages/${b.sha256}/finalize`, clientToken);
        expect(after.json).toEqual(answers[0]!.json);
        expect(await findAuditBreak(rx.ctx.db)).toBeNull();
      } finally {
        await rx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a replaced certificate still counts for packages signed before the replacement; expired uploads are cleaned up', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-rekey-${dialect}-`));
      const env = await databaseEnv(dialect);
      const config = receiverConfig({
        dataDir: path.join(dir, 'data'),
        port: 0,
        databaseUrl: env.DATABASE_URL || null,
        uploadExpiryMs: 1_000,
        maxOpenUploadsPerOffice: 2,
      });
      const rx = await startReceiver(config);
      try {
        const enrollWith = async (pem: string) => {
          const { code } = await issueEnrollCode(rx.ctx, OFFICE_KEY, 7, 'test');
          const r = await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: pem });
          expect(r.status).toBe(200);
          return enrollResponse.parse(r.json).clientToken;
        };
        const oldKey = await newIdentity(Date.now() - 86_400_000);
        const token = await enrollWith(oldKey.certificatePem);
        const signedBefore = Date.now() - 3_600_000;
        const before = await buildOfficePackage(dir, 'before', oldKey, { signingTime: signedBefore });
        await new Promise((r) => setTimeout(r, 20));
        const newKey = await newIdentity();
        const newToken = await enrollWith(newKey.certificatePem); // the old certificate is superseded now
        const after = await buildOfficePackage(dir, 'after', oldKey);

        const send = async (pkg: { zip: string; sha256: string }, tok: string) => {
          await tusUpload(rx.url, tok, readFileSync(pkg.zip), { sha256: pkg.sha256 }).done;
          return packageStatusResponse.parse((await api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, tok)).json);
        };
        expect((await send(before, token)).status).toBe('accepted'); // the old app's token still works
        const late = await send(after, newToken);
        expect(late.status).toBe('quarantined');
        expect(late.reasons.map((r) => r.message).join('\n')).toContain('đã được thay bằng chứng thư mới');
        expect((await send(await buildOfficePackage(dir, 'new', newKey), newToken)).status).toBe('accepted');

        // An upload left half-way expires and is removed with its record.
        const meta = `sha256 ${Buffer.from('12'.repeat(32)).toString('base64')},filename ${Buffer.from('x.zip').toString('base64')}`;
        const c = await fetch(`${rx.url}v1/uploads/`, {
          method: 'POST',
          headers: { 'tus-resumable': '1.0.0', 'upload-length': '100', 'upload-metadata': meta, authorization: `Bearer ${newToken}` },
        });
        const loc = new URL(c.headers.get('location')!, rx.url);
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await rx.cleanUpUploads()).toBeGreaterThanOrEqual(1);
        expect((await fetch(loc, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${newToken}` } })).status).toBe(404);
        expect(await rx.ctx.db.selectFrom('upload').selectAll().execute()).toEqual([]);

        // At most maxOpenUploadsPerOffice unfinished uploads per office.
        const create = () =>
          fetch(`${rx.url}v1/uploads/`, {
            method: 'POST',
            headers: { 'tus-resumable': '1.0.0', 'upload-length': '100', 'upload-metadata': meta, authorization: `Bearer ${newToken}` },
          });
        expect((await create()).status).toBe(201);
        expect((await create()).status).toBe(201);
        const third = await create();
        expect(third.status).toBe(429);
        expect(((await third.json()) as { code: string }).code).toBe('TOO_MANY_OPEN_UPLOADS');
      } finally {
        await rx.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
