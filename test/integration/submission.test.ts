// The submission package of the demo assessment, built through the API and checked with outside
// tools: openssl verifies the CMS signature over the tag manifest, pdfsig the PAdES summary,
// pdftotext reads its Vietnamese text, sha256 of every evidence file matches the manifest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openTestApp, cleanup, type TestApp } from '../helpers/services';
import { extract } from '../helpers/package';
import { completeDemo } from '../helpers/demo-package';
import { createDemo, DEMO_PASSWORD } from '../../main/services/demo';

const PASS = 'khoa-ky-xa-phu-thuong';
let app: TestApp;
let token: string;
let zip: string;
let bag: string;

beforeAll(async () => {
  app = openTestApp();
  app.clock.set(Date.now());
  await createDemo(app.s);
  token = (await app.call('auth.login', { username: 'chutich', password: DEMO_PASSWORD })).token;
  const a = (await app.call('assessment.list', {}, token))[0]!;
  const refused = await app.fail('package.build', { assessmentId: a.id, passphrase: PASS }, token);
  expect(refused.message).toMatch(/Chưa đóng gói được/);
  completeDemo(app, a.id);
  expect((await app.fail('package.build', { assessmentId: a.id, passphrase: PASS }, token)).message).toMatch(/Chưa có khóa ký/);
  await app.call('keys.create', { passphrase: PASS, replace: false }, token);
  expect((await app.fail('package.build', { assessmentId: a.id, passphrase: 'sai-mat-khau' }, token)).code).toBe('BAD_CREDENTIALS');
  const built = await app.call('package.build', { assessmentId: a.id, passphrase: PASS }, token);
  zip = path.join(app.dir, 'packages', built.fileName);
  const out = path.join(app.dir, 'unzipped');
  await extract(zip, out);
  bag = path.join(out, built.bagName);
}, 120_000);

afterAll(() => {
  app.close();
  cleanup(app.dir);
});

describe('the demo assessment’s package', () => {
  it('is a bag whose tag-manifest signature verifies with openssl', () => {
    const certPem = path.join(app.dir, 'cert.pem');
    const identity = readFileSync(path.join(app.dir, 'keys', 'identity.json'), 'utf8');
    writeFileSync(certPem, JSON.parse(identity).certificatePem);
    const r = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-content',
        path.join(bag, 'tagmanifest-sha256.txt'),
        '-in',
        path.join(bag, 'tagmanifest-sha256.txt.p7s'),
        '-CAfile',
        certPem,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toContain('Verification successful');
    expect(r.status).toBe(0);
    // The private key is not on disk in the clear.
    for (const f of readdirSync(path.join(app.dir, 'keys'))) expect(readFileSync(path.join(app.dir, 'keys', f), 'latin1')).not.toContain('PRIVATE KEY');
  });

  it('lists every evidence file once per criterion with its real sha256', () => {
    const manifest = readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
    const evidence = manifest.filter((l) => l.includes('  data/evidence/'));
    expect(evidence.length).toBeGreaterThan(80);
    for (const line of evidence.slice(0, 20)) {
      const [hash, file] = line.split('  ') as [string, string];
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(bag, file)))
          .digest('hex'),
      ).toBe(hash);
    }
    expect(existsSync(path.join(bag, 'data/evidence/1.1/1.1_so 05KH-UBND_KH CCHC nam ' + new Date().getUTCFullYear() + '.pdf'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(bag, 'data/package.json'), 'utf8'));
    expect(pkg).toMatchObject({ format: 'kiemchung-package', schemaVersion: 1, kind: 'assessment', office: { commune: 'Phú Thượng' } });
    expect(pkg.criteria.find((c: { code: string }) => c.code === '1.1').item).toMatchObject({
      status: 'approved',
      points: 2,
      explanation: expect.stringContaining('KH-UBND'),
    });
    expect(pkg.totals.applicableMax).toBeGreaterThan(90);
  });

  it('carries a PAdES-signed summary PDF that pdfsig accepts and pdftotext reads in Vietnamese', () => {
    const pdf = path.join(bag, 'data/summary.pdf');
    const sig = spawnSync('pdfsig', [pdf], { encoding: 'utf8' });
    expect(sig.stdout).toContain('Signature is Valid');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH');
    expect(text).toContain('Công tác chỉ đạo, điều hành CCHC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('verifies through the API and the CLI, and a flipped byte is refused with its reason', async () => {
    const { Readable } = await import('node:stream');
    const me = (await app.call('auth.session', { touch: false }, token))!.user.id;
    const up = await app.s.uploads.receive(Readable.from([readFileSync(zip)]), path.basename(zip), me);
    const v = await app.call('package.verify', { uploadId: up.id }, token);
    expect(v).toMatchObject({ ok: true, content: { year: new Date().getUTCFullYear(), office: expect.stringContaining('Phú Thượng') } });
    expect(v.signer?.holder).toBe('UBND xã Phú Thượng');

    const tampered = path.join(app.dir, 'tampered.zip');
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('"format": "kiemchung-package"'));
    bytes[at + 2] = bytes[at + 2]! ^ 0x01;
    writeFileSync(tampered, bytes);
    const cli = spawnSync(process.execPath, [path.resolve('bin/kiemchung.js'), 'package', 'verify', tampered], { encoding: 'utf8' });
    expect(cli.status).not.toBe(0);
    expect(cli.stdout + cli.stderr).toMatch(/data\/package\.json/);
    // Known signer only with the office's own data folder (its certificate); elsewhere intact but unknown (exit 3).
    const ok = spawnSync(process.execPath, [path.resolve('bin/kiemchung.js'), 'package', 'verify', zip, '--data-dir', app.dir], { encoding: 'utf8' });
    expect(ok.stdout).toContain('Gói hồ sơ hợp lệ, người ký đã biết: UBND xã Phú Thượng');
    expect(ok.status).toBe(0);
    expect(v.trust).toMatchObject({ level: 'known', anchor: { source: 'office' } });
  });
});
