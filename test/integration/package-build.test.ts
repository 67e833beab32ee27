// The signed package checked from the outside: OpenSSL verifies the detached CMS signature,
// `unzip` and `sha256sum` check the zip and the BagIt manifests, poppler checks PDF signatures.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { JobHandle } from '../../main/services/jobs';
import {
  buildBag,
  certificateInfo,
  extractPackageFile,
  readPackageFile,
  signDetached,
  signPdf,
  verifyDetached,
  verifyPackage,
  type BuildResult,
  type SigningIdentity,
} from '../../main/services/package-format';
import { bagInfo, centralDirectory, extract, newIdentity, run, samplePayload, VI_TEXT, vietnamesePdf } from '../helpers/package';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-package-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => path.join(dir, ...p);
const BAG = 'KC-2023-PhuThuong-CCHC';
const SIGNED_AT = Date.UTC(2026, 9, 5, 9, 30); // 16:30 05/10/2026 in Vietnam

let identity: SigningIdentity;
let built: BuildResult;
let bagDir: string;

function fakeJob(onProgress?: (done: number, total: number | null | undefined) => void): JobHandle & { cancelled: boolean } {
  const job = {
    id: 'test',
    signal: new AbortController().signal,
    cancelled: false,
    progress: (d: number, t?: number | null) => onProgress?.(d, t),
    checkCancelled: () => {
      if (job.cancelled) throw new ApiError('CANCELLED', 'Đã hủy.');
    },
  };
  return job;
}

beforeAll(async () => {
  identity = await newIdentity(SIGNED_AT - 86_400_000);
  writeFileSync(at('cert.pem'), identity.certificatePem);
  const payload = await samplePayload(at('src'));
  built = await buildBag({ bagName: BAG, bagInfo: bagInfo({ 'Kiemchung-Office': 'Xã Phú Thượng' }), payload, identity, signingTime: SIGNED_AT }, at('out.zip'));
  await extract(at('out.zip'), at('x'));
  bagDir = at('x', BAG);
});

describe('the package zip', () => {
  it('is one top folder of STORED entries, no .part left behind', () => {
    const cd = centralDirectory(at('out.zip'));
    expect(cd.map((e) => e.method)).toEqual(cd.map(() => 0));
    expect(cd.every((e) => (e.flags & 0x8) === 0)).toBe(true); // real sizes and CRC in the local headers
    expect(cd.map((e) => e.name).sort()).toEqual(
      [
        'bagit.txt',
        'bag-info.txt',
        'manifest-sha256.txt',
        'tagmanifest-sha256.txt',
        'tagmanifest-sha256.txt.p7s',
        'data/package.json',
        'data/summary.pdf',
        'data/evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf',
        'data/evidence/1.1/1.1_so 12KH-UBND_Anh hop giao ban.png',
      ]
        .map((n) => `${BAG}/${n}`)
        .sort(),
    );
    expect(existsSync(at('out.zip.part'))).toBe(false);
    expect(built.bytes).toBe(statSync(at('out.zip')).size);
    // The zip's own hash, computed while writing (headers patched after their data), is the file's.
    expect(built.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(at('out.zip')))
        .digest('hex'),
    );
  });

  it('passes `unzip -t` (CRC-32 of every entry)', () => {
    const r = run('/usr/bin/unzip', ['-t', at('out.zip')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('No errors detected');
  });

  it('its signature verifies with openssl cms against the certificate', () => {
    const args = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      'tagmanifest-sha256.txt',
      '-in',
      'tagmanifest-sha256.txt.p7s',
      '-CAfile',
      at('cert.pem'),
      '-out',
      '/dev/null',
    ];
    for (const extra of [['-purpose', 'any'], []]) {
      const r = run('openssl', [...args, ...extra], bagDir);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('Verification successful');
    }
  });

  it('follows the BagIt rules, checked with sha256sum and the file system', () => {
    expect(readFileSync(path.join(bagDir, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    // Every manifest line is exactly what sha256sum prints for that file.
    const manifest = readFileSync(path.join(bagDir, 'manifest-sha256.txt'), 'utf8').trimEnd().split('\n');
    const files = (readdirSync(path.join(bagDir, 'data'), { recursive: true }) as string[])
      .map((f) => `data/${f}`)
      .filter((f) => statSync(path.join(bagDir, f)).isFile());
    const sums = run('/usr/bin/sha256sum', files, bagDir);
    expect(sums.code).toBe(0);
    expect(manifest.sort()).toEqual(sums.out.trimEnd().split('\n').sort());
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const check = run('/usr/bin/sha256sum', ['--strict', '-c', m], bagDir);
      expect(check.code, check.out).toBe(0);
    }
    expect(
      readFileSync(path.join(bagDir, 'tagmanifest-sha256.txt'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => l.split('  ')[1]),
    ).toEqual(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']);
    const info = readFileSync(path.join(bagDir, 'bag-info.txt'), 'utf8');
    const bytes = files.reduce((a, f) => a + statSync(path.join(bagDir, f)).size, 0);
    expect(info).toBe(
      [
        'Source-Organization: UBND xã Phú Thượng, huyện Phú Vang, tỉnh Thừa Thiên Huế',
        'Bagging-Date: 2026-10-05',
        `Payload-Oxum: ${bytes}.${files.length}`,
        'External-Identifier: KC-2023-PHUTHUONG-CCHC-0001',
        'Kiemchung-Kind: cchc-self-assessment',
        'Kiemchung-Schema-Version: 1',
        'Kiemchung-Office: Xã Phú Thượng',
        '',
      ].join('\n'),
    );
    expect(built.payloadOxum).toBe(`${bytes}.${files.length}`);
  });

  it('verifyPackage accepts it and names the signer', async () => {
    const report = await verifyPackage(at('out.zip'), {
      now: SIGNED_AT,
      expectedSignerFingerprint: certificateInfo(identity.certificatePem, 0).fingerprint.toUpperCase(),
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.bagName).toBe(BAG);
    expect(report.bagInfo['Source-Organization']).toContain('Phú Thượng');
    expect(report.signer?.holder).toBe('UBND xã Phú Thượng');
    expect(report.signer?.fingerprint).toBe(built.signerFingerprint);
    expect(report.signingTime).toBe(SIGNED_AT);
    expect(report.payload.map((p) => p.path).sort()).toEqual(built.payload.map((p) => p.path).sort());
  });

  it('reads and extracts single files of the verified package, hash-checked', async () => {
    const report = await verifyPackage(at('out.zip'));
    const json = JSON.parse((await readPackageFile(at('out.zip'), 'data/package.json', { report })).toString('utf8'));
    expect(json.note).toBe('Tự đánh giá, chấm điểm Chỉ số CCHC năm 2023');
    const inner = 'data/evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf';
    await extractPackageFile(at('out.zip'), inner, at('extracted.pdf'), { report });
    expect(readFileSync(at('extracted.pdf')).equals(readFileSync(at('src/bao-cao.pdf')))).toBe(true);
    await expect(readPackageFile(at('out.zip'), 'bag-info.txt', { report })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is reproducible: same input and signing time give the same bytes', async () => {
    const payload = await samplePayload(at('src2'));
    // The sample PDF embeds its creation date: reuse the first one's bytes.
    writeFileSync(at('src2/bao-cao.pdf'), readFileSync(at('src/bao-cao.pdf')));
    await buildBag({ bagName: BAG, bagInfo: bagInfo({ 'Kiemchung-Office': 'Xã Phú Thượng' }), payload, identity, signingTime: SIGNED_AT }, at('again.zip'));
    expect(readFileSync(at('again.zip')).equals(readFileSync(at('out.zip')))).toBe(true);
  });

  it('writes Zip64 records correctly (forced on a small package)', async () => {
    const payload = await samplePayload(at('src64'));
    await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload, identity, signingTime: SIGNED_AT }, at('z64.zip'), undefined, { forceZip64: true });
    const t = run('/usr/bin/unzip', ['-t', at('z64.zip')]);
    expect(t.code, t.out).toBe(0);
    expect((await verifyPackage(at('z64.zip'))).problems).toEqual([]);
  });
});

describe('building refuses bad input before writing anything', () => {
  const attempt = async (p: string) => {
    const out = at(`bad-${Math.random().toString(36).slice(2)}.zip`);
    const err = await buildBag(
      { bagName: BAG, bagInfo: bagInfo(), payload: [{ path: p, source: { bytes: Buffer.from('x') } }], identity, signingTime: SIGNED_AT },
      out,
    ).catch((e: unknown) => e);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
    return err as ApiError;
  };

  it('non-ASCII, Windows-unsafe, escaping and over-long names, each naming the file', async () => {
    const cases: [string, RegExp][] = [
      ['evidence/Báo cáo quý I.pdf', /chữ có dấu/],
      ['evidence/a:b.pdf', /không dùng được/],
      ['../evil.pdf', /không hợp lệ/],
      ['evidence/CON.pdf', /dành riêng/],
      ['evidence/trailing. ', /không hợp lệ/],
      [`evidence/${'a'.repeat(190)}.pdf`, /quá 200 ký tự/],
    ];
    for (const [p, re] of cases) {
      const e = await attempt(p);
      expect(e).toBeInstanceOf(ApiError);
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(re);
      expect(e.message).toContain(p.normalize('NFC'));
    }
  });

  it('duplicate names (ignoring case), missing fields, a missing source file', async () => {
    const dup = await buildBag(
      {
        bagName: BAG,
        bagInfo: bagInfo(),
        payload: [
          { path: 'a.pdf', source: { bytes: Buffer.from('1') } },
          { path: 'A.pdf', source: { bytes: Buffer.from('2') } },
        ],
        identity,
      },
      at('dup.zip'),
    ).catch((e: ApiError) => e);
    expect((dup as ApiError).message).toContain('A.pdf');
    const noInfo = await buildBag(
      { bagName: 'Tên có dấu', bagInfo: {}, payload: [{ path: 'a', source: { bytes: Buffer.from('1') } }], identity },
      at('x.zip'),
    ).catch((e: ApiError) => e);
    expect((noInfo as ApiError).issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['bagName', 'bagInfo.Source-Organization', 'bagInfo.External-Identifier', 'bagInfo.Kiemchung-Kind']),
    );
    const missing = await buildBag(
      { bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'a.pdf', source: { file: at('nope.pdf') } }], identity },
      at('m.zip'),
    ).catch((e: ApiError) => e);
    expect((missing as ApiError).message).toContain('a.pdf');
    expect(existsSync(at('m.zip.part'))).toBe(false);
  });

  it('an evidence file damaged on disk (not the hash it was stored under) stops the build, naming it', async () => {
    const file = at('hong.pdf');
    writeFileSync(file, 'một tệp đã bị hỏng trên ổ đĩa');
    const out = at('hong.zip');
    const e = await buildBag(
      {
        bagName: BAG,
        bagInfo: bagInfo(),
        payload: [{ path: 'evidence/2.3/hong.pdf', source: { file, sha256: 'ab'.repeat(32) } }],
        identity,
        signingTime: SIGNED_AT,
      },
      out,
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('CONFLICT');
    expect((e as ApiError).message).toContain('evidence/2.3/hong.pdf');
    expect((e as ApiError).message).toMatch(/mã băm khác/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
    // With its true hash the same file packs.
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    await buildBag(
      { bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'evidence/2.3/hong.pdf', source: { file, sha256: sha } }], identity, signingTime: SIGNED_AT },
      out,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('an expired certificate cannot sign', async () => {
    const old = await newIdentity(Date.UTC(2019, 0, 1), 1);
    const e = await buildBag(
      { bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'a', source: { bytes: Buffer.from('1') } }], identity: old },
      at('old.zip'),
    ).catch((x: ApiError) => x);
    expect((e as ApiError).message).toMatch(/hết hạn ngày \d\d\/\d\d\/2020/);
  });
});

describe('progress and cancellation', () => {
  it('reports progress up to the total and leaves nothing when cancelled', async () => {
    const big = at('big.bin');
    writeFileSync(big, Buffer.alloc(24 * 1024 * 1024, 7));
    const seen: [number, number | null | undefined][] = [];
    const job = fakeJob((d, t) => seen.push([d, t]));
    await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'big.bin', source: { file: big } }], identity }, at('p.zip'), job);
    expect(seen.at(-1)).toEqual([24 * 1024 * 1024, 24 * 1024 * 1024]);

    const cancelling = fakeJob((d) => {
      if (d > 4 * 1024 * 1024) cancelling.cancelled = true;
    });
    // Progress is throttled: cancel from the first report after a few chunks instead.
    let chunks = 0;
    cancelling.checkCancelled = () => {
      if (++chunks > 3) throw new ApiError('CANCELLED', 'Đã hủy.');
    };
    const e = await buildBag(
      { bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'big.bin', source: { file: big } }], identity },
      at('c.zip'),
      cancelling,
    ).catch((x: ApiError) => x);
    expect((e as ApiError).code).toBe('CANCELLED');
    expect(existsSync(at('c.zip'))).toBe(false);
    expect(existsSync(at('c.zip.part'))).toBe(false);
  });

  it('a stale .part from an interrupted build is overwritten', async () => {
    writeFileSync(at('s.zip.part'), Buffer.alloc(1000, 1));
    await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload: [{ path: 'a.txt', source: { bytes: Buffer.from('a') } }], identity }, at('s.zip'));
    expect(existsSync(at('s.zip.part'))).toBe(false);
    expect((await verifyPackage(at('s.zip'))).ok).toBe(true);
  });
});

describe('detached CMS on its own', () => {
  it('signs a file streamed; openssl and verifyDetached agree; a change is a digest mismatch', async () => {
    const f = at('cms.txt');
    writeFileSync(f, `${VI_TEXT}\n`.repeat(50_000));
    const p7s = await signDetached(f, identity, new Date(SIGNED_AT));
    writeFileSync(at('cms.p7s'), p7s);
    const r = run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      f,
      '-in',
      at('cms.p7s'),
      '-CAfile',
      at('cert.pem'),
      '-out',
      '/dev/null',
    ]);
    expect(r.code, r.out).toBe(0);
    const ok = await verifyDetached(f, p7s);
    expect(ok).toMatchObject({ ok: true, signingTime: SIGNED_AT });
    expect(ok.signerCertificatePem).toBe(identity.certificatePem);
    writeFileSync(f, `${VI_TEXT}!\n`);
    expect(await verifyDetached(f, p7s)).toMatchObject({ ok: false, reason: 'digestMismatch' });
  });
});

describe('PDF signature (PAdES)', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await signPdf(await vietnamesePdf([VI_TEXT, 'Chủ tịch UBND xã: Trần Văn An']), identity, {
      reason: 'Phê duyệt báo cáo tự đánh giá',
      location: 'Phú Thượng, Phú Vang, Thừa Thiên Huế',
      name: 'UBND xã Phú Thượng',
      signingTime: SIGNED_AT,
    });
    writeFileSync(at('signed.pdf'), signed);
  });

  it('pdfsig reports the signature valid (the self-issued certificate is merely untrusted)', () => {
    const r = run('/usr/bin/pdfsig', [at('signed.pdf')]);
    expect(r.out).toContain('Signature Validation: Signature is Valid.');
    expect(r.out).toContain('UBND xã Phú Thượng');
  });

  it('keeps its Vietnamese text readable', () => {
    const r = run('/usr/bin/pdftotext', ['-enc', 'UTF-8', at('signed.pdf'), '-']);
    expect(r.out.replace(/\s+/g, ' ')).toContain(VI_TEXT);
    expect(r.out).toContain('Chủ tịch UBND xã: Trần Văn An');
  });

  it('a changed byte inside the signed range is a digest mismatch', () => {
    const bad = Buffer.from(signed);
    const i = bad.indexOf('/Producer');
    bad[i + 2] = bad[i + 2]! ^ 0x20;
    writeFileSync(at('bad.pdf'), bad);
    const r = run('/usr/bin/pdfsig', [at('bad.pdf')]);
    expect(r.out).not.toContain('Signature is Valid');
  });

  it('refuses to re-sign an already signed PDF', async () => {
    await expect(signPdf(signed, identity, { reason: 'x', location: 'y', name: 'z' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
