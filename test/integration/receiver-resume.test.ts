// The receiver restarted in the middle of an upload (killed, not stopped): the bytes it had
// acknowledged are still there, HEAD reports exactly that offset, tus-js-client resumes from it
// instead of from zero, and the finished package is accepted with the right sha256. Once with
// SQLite and once with PostgreSQL.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollResponse, packageStatusResponse } from '../../shared/sync/protocol';
import { newIdentity } from '../helpers/package';
import {
  DIALECTS,
  OFFICE_KEY,
  api,
  buildOfficePackage,
  databaseEnv,
  freePort,
  hasPostgres,
  sha256File,
  startReceiverProcess,
  stopPostgres,
  tusUpload,
  runCli,
} from '../helpers/receiver';

afterAll(() => stopPostgres());

const CHUNK = 256 * 1024;

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(`receiver restart mid-upload (${dialect})`, () => {
    it('resumes from the offset HEAD reports after a kill -9 and a restart', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `kc-rx-resume-${dialect}-`));
      const data = path.join(dir, 'data');
      const env = await databaseEnv(dialect);
      const port = await freePort();
      let rx = await startReceiverProcess(data, env, port);
      try {
        const identity = await newIdentity();
        const code = runCli(['receiver', 'enroll-code', '--office', OFFICE_KEY, '--data-dir', data], env).stdout.trim().split('\n').pop()!;
        const { clientToken } = enrollResponse.parse(
          (await api(rx.url, 'POST', '/v1/enroll', undefined, { code, certificatePem: identity.certificatePem })).json,
        );
        const pkg = await buildOfficePackage(dir, 'big', identity, { padBytes: 3 * 1024 * 1024 });
        const bytes = readFileSync(pkg.zip);
        expect(bytes.length).toBeGreaterThan(8 * CHUNK);

        // Two chunks acknowledged, then the receiver dies mid-transfer.
        let acknowledged = 0;
        const first = tusUpload(rx.url, clientToken, bytes, {
          sha256: pkg.sha256,
          chunkSize: CHUNK,
          onChunk: (up, accepted) => {
            acknowledged = accepted;
            if (accepted >= 2 * CHUNK) void up.abort();
          },
        });
        await new Promise<void>((resolve, reject) => {
          const t = setInterval(() => {
            if (acknowledged >= 2 * CHUNK) {
              clearInterval(t);
              resolve();
            }
          }, 10);
          first.done.catch(reject);
        });
        const uploadUrl = first.upload.url!;
        await rx.kill();
        expect(uploadUrl).toContain(`127.0.0.1:${port}/v1/uploads/`);

        rx = await startReceiverProcess(data, env, port);
        const head = await fetch(uploadUrl, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${clientToken}` } });
        expect(head.status).toBe(200);
        const offset = Number(head.headers.get('upload-offset'));
        expect(offset).toBe(acknowledged);
        expect(Number(head.headers.get('upload-length'))).toBe(bytes.length);

        // Finalizing now is refused: the upload is not complete.
        const early = await api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, clientToken);
        expect(early.status).toBe(409);
        expect(early.json.message).toContain(`${offset}/${bytes.length}`);

        const progress: number[] = [];
        await tusUpload(rx.url, clientToken, bytes, { sha256: pkg.sha256, chunkSize: CHUNK, uploadUrl, onChunk: (_u, a) => progress.push(a) }).done;
        // The first chunk after the restart starts where the receiver left off.
        expect(progress[0]).toBe(offset + CHUNK);
        expect(progress.at(-1)).toBe(bytes.length);

        const r = await api(rx.url, 'POST', `/v1/packages/${pkg.sha256}/finalize`, clientToken);
        expect(r.status).toBe(200);
        expect(packageStatusResponse.parse(r.json).status).toBe('accepted');
        expect(sha256File(path.join(data, 'store', `${pkg.sha256}.zip`))).toBe(pkg.sha256);
      } finally {
        expect(await rx.stop()).toBe(0);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
