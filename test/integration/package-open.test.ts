// A valid package opened read-only: the demo assessment's real package (real SQLite data folder,
// real signing, real zip) is uploaded, verified and kept through the router; its criteria detail
// matches the assessment; an evidence file opened from it has exactly the manifest's bytes; paths
// outside the manifest are refused; a tampered package is never kept and cannot be opened; a kept
// package whose file changed on disk is refused and discarded when reopened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buildDemoPackage } from '../helpers/demo-package';
import { readZip } from '../helpers/package';
import { cleanup, openTestApp, type TestApp } from '../helpers/services';
import { itemViews } from '../../main/services/assessment/views';
import { DEMO_PASSWORD } from '../../main/services/demo';
import type { VerifyView } from '../../shared/api/package-api-schemas';

let app: TestApp;
let token: string;
let assessmentId: number;
let zip: string;
let manifest: Map<string, string>;
let bagName: string;
let view: VerifyView;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function uploadFile(a: TestApp, tok: string, file: string, bytes = readFileSync(file)) {
  const me = (await a.call('auth.session', { touch: false }, tok))!.user.id;
  return a.s.uploads.receive(Readable.from([bytes]), path.basename(file), me);
}

/** The bytes a served file id points at (what GET /files/<id> sends). */
function served(a: TestApp, fileId: string) {
  const f = a.s.files.get(fileId)!;
  return { ...f, bytes: readFileSync(f.path) };
}

beforeAll(async () => {
  const built = await buildDemoPackage();
  ({ app, token, assessmentId, zip } = built);
  // The manifest as written in the zip, read with an independent zip reader.
  const entries = await readZip(zip);
  const m = entries.find((e) => e.name.endsWith('/manifest-sha256.txt'))!;
  bagName = m.name.split('/')[0]!;
  manifest = new Map(
    m.data
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(64).trim(), l.slice(0, 64)] as [string, string]),
  );
  const up = await uploadFile(app, token, zip);
  view = await app.call('package.verify', { uploadId: up.id }, token);
}, 180_000);

afterAll(() => {
  app?.close();
  if (app) cleanup(app.dir);
});

describe('opening a verified package', () => {
  it('keeps the package content-addressed and moves (not copies) the upload', () => {
    expect(view.ok).toBe(true);
    expect(view.packageKey).toBe(sha(readFileSync(zip)));
    expect(view.kind).toBe('assessment');
    expect(view.fileName).toBe(path.basename(zip));
    const kept = path.join(app.dir, 'received', `${view.packageKey}.zip`);
    expect(readFileSync(kept).equals(readFileSync(zip))).toBe(true);
    expect(readdirSync(path.join(app.dir, 'tmp', 'uploads'))).toEqual([]);
  });

  it('shows every criterion as in the assessment: points, N/A, explanations, statuses, evidence', () => {
    const items = itemViews(app.s, assessmentId);
    const byCode = new Map(view.content!.criteria.map((c) => [c.code, c]));
    expect(items.length).toBeGreaterThan(20);
    for (const it of items) {
      const c = byCode.get(it.criterionCode)!;
      expect(c.item).toMatchObject({
        points: it.points,
        notApplicable: it.notApplicable,
        naReason: it.naReason,
        explanation: it.explanation,
        status: it.status,
        reviewComment: it.reviewComment,
      });
      expect(c.item!.evidence.map((e) => e.fileName)).toEqual(it.evidence.map((e) => e.fileName));
      for (const e of c.item!.evidence) {
        expect(e.inPackage).toBe(true);
        expect(manifest.has(e.path)).toBe(true);
      }
    }
    // Tree order with depths: each area followed by its own criteria.
    const areas = view.content!.criteria.filter((c) => c.depth === 0);
    expect(areas.map((a) => a.code)).toEqual(view.content!.areas.map((a) => a.code));
    const i11 = byCode.get('1.1')!;
    expect(i11).toMatchObject({ parentCode: '1', depth: 1, item: { points: 2, status: 'approved', statusLabel: 'Đã duyệt' } });
    expect(i11.item!.evidence[0]).toMatchObject({
      docNumber: '05/KH-UBND',
      mediaType: 'application/pdf',
      fileName: expect.stringMatching(/^1\.1_so 05KH-UBND/),
    });
    expect(byCode.get('2.2')!.item!.points).toBe(1.5);
    expect(view.content!.points).toBeGreaterThan(0);
    expect(view.documents.map((d) => d.path).sort()).toEqual(['data/summary.pdf', 'data/summary.xlsx']);
  });

  it('opens an evidence file from inside the package, bytes equal to the manifest hash, inline', async () => {
    const e = view.content!.criteria.find((c) => c.code === '1.1')!.item!.evidence[0]!;
    const ref = await app.call('package.openFile', { packageKey: view.packageKey!, path: e.path }, token);
    expect(ref).toMatchObject({ mediaType: 'application/pdf', fileName: path.basename(e.path) });
    const f = served(app, ref.fileId);
    expect(f.disposition).toBe('inline');
    expect(sha(f.bytes)).toBe(manifest.get(e.path));
    expect(f.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Served from an extraction of the package, never from the local document store.
    expect(f.path.startsWith(path.join(app.dir, 'tmp', 'received'))).toBe(true);
    // A PNG evidence is served inline as an image.
    const png = view.content!.criteria.flatMap((c) => c.item?.evidence ?? []).find((x) => x.mediaType === 'image/png')!;
    const pref = await app.call('package.openFile', { packageKey: view.packageKey!, path: png.path }, token);
    expect(pref.mediaType).toBe('image/png');
    expect(sha(served(app, pref.fileId).bytes)).toBe(manifest.get(png.path));
  });

  it('refuses a path that is not a payload entry of the verified manifest', async () => {
    const key = view.packageKey!;
    const notListed = await app.fail('package.openFile', { packageKey: key, path: 'data/evidence/1.1/khong-co.pdf' }, token);
    expect(notListed.message).toMatch(/không có trong danh sách tệp \(manifest\)/);
    for (const bad of [
      '../../etc/passwd',
      'data/../bagit.txt',
      'data/evidence/../../tagmanifest-sha256.txt',
      'bagit.txt',
      `${bagName}/data/summary.pdf`,
      'data\\summary.pdf',
      '/etc/passwd',
    ]) {
      const r = await app.fail('package.openFile', { packageKey: key, path: bad }, token);
      expect(r.message, bad).toMatch(/Không mở được/);
    }
    expect((await app.fail('package.openFile', { packageKey: '0'.repeat(64), path: 'data/summary.pdf' }, token)).code).toBe('NOT_FOUND');
    expect((await app.fail('package.openFile', { packageKey: '../x', path: 'data/summary.pdf' }, token)).code).toBe('VALIDATION');
  });

  it('lists the package under "Gói đã mở" and reopens it (verified again), also after a restart', async () => {
    // The same package checked again is kept once.
    const again1 = await app.call('package.verify', { uploadId: (await uploadFile(app, token, zip)).id }, token);
    expect(again1.packageKey).toBe(view.packageKey);
    const list = await app.call('package.received', {}, token);
    expect(list).toEqual([
      expect.objectContaining({ packageKey: view.packageKey, kind: 'assessment', title: expect.stringContaining('Phú Thượng'), signer: 'UBND xã Phú Thượng' }),
    ]);
    const again = await app.call('package.reopen', { packageKey: view.packageKey! }, token);
    expect(again).toMatchObject({ ok: true, packageKey: view.packageKey, fileName: path.basename(zip) });
    expect(again.content!.criteria).toEqual(view.content!.criteria);

    // A new run of the app has no verified report in memory: opening a file verifies first.
    const dir = app.dir;
    app.close();
    app = openTestApp(dir);
    app.clock.set(Date.now());
    token = (await app.call('auth.login', { username: 'chutich', password: DEMO_PASSWORD })).token;
    const ref = await app.call('package.openFile', { packageKey: view.packageKey!, path: 'data/summary.pdf' }, token);
    expect(sha(served(app, ref.fileId).bytes)).toBe(manifest.get('data/summary.pdf'));
  });

  it('refuses a file changed on disk after verification, and discards the package when reopened', async () => {
    const kept = path.join(app.dir, 'received', `${view.packageKey}.zip`);
    const e = view.content!.criteria.find((c) => c.code === '1.2')!.item!.evidence[0]!;
    const bytes = readFileSync(kept);
    const at = bytes.indexOf(Buffer.from('%PDF-', 'latin1'), bytes.indexOf(Buffer.from(`${bagName}/${e.path}`, 'latin1')));
    bytes[at + 200] = bytes[at + 200]! ^ 0xff;
    writeFileSync(kept, bytes);
    const changed = await app.fail('package.openFile', { packageKey: view.packageKey!, path: e.path }, token);
    expect(changed.code).toBe('CONFLICT');
    expect(readdirSync(path.join(app.dir, 'tmp', 'received')).flatMap((d) => readdirSync(path.join(app.dir, 'tmp', 'received', d)))).not.toContain('file.part');

    const reopened = await app.call('package.reopen', { packageKey: view.packageKey! }, token);
    expect(reopened.ok).toBe(false);
    expect(reopened.packageKey).toBeNull();
    expect(reopened.content).toBeNull();
    expect(reopened.message).toMatch(/không còn hợp lệ/);
    expect(existsSync(kept)).toBe(false);
    expect(await app.call('package.received', {}, token)).toEqual([]);
    expect((await app.fail('package.openFile', { packageKey: view.packageKey!, path: 'data/summary.pdf' }, token)).code).toBe('NOT_FOUND');
  });

  it('never keeps a tampered package, nor lets anything be opened from it', async () => {
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('"format": "kiemchung-package"'));
    bytes[at + 2] = bytes[at + 2]! ^ 0x01;
    const up = await uploadFile(app, token, zip, bytes);
    const v = await app.call('package.verify', { uploadId: up.id }, token);
    expect(v.ok).toBe(false);
    expect(v).toMatchObject({ packageKey: null, content: null, exam: null, documents: [] });
    expect(v.problems.some((p) => p.file === 'data/package.json')).toBe(true);
    expect(existsSync(path.join(app.dir, 'received', `${sha(bytes)}.zip`))).toBe(false);
    expect(readdirSync(path.join(app.dir, 'tmp', 'uploads'))).toEqual([]);
    expect((await app.fail('package.openFile', { packageKey: sha(bytes), path: 'data/package.json' }, token)).code).toBe('NOT_FOUND');
    expect((await app.fail('package.reopen', { packageKey: sha(bytes) }, token)).code).toBe('NOT_FOUND');
  });
});
