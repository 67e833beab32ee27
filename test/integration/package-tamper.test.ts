// The tamper matrix: a good package rewritten entry by entry (yazl) with one change each. Every
// change is refused with its own check, and the message names the file concerned. Hostile zips
// (path escape, zip bomb, lying sizes, symlinks) are refused from the central directory alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import {
  buildBag,
  certificateInfo,
  readPackageFile,
  signDetachedBytes,
  verifyPackage,
  type SigningIdentity,
  type VerifyReport,
} from '../../main/services/package-format';
import { bagInfo, newIdentity, readZip, samplePayload, writeZip, type ZipItem } from '../helpers/package';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-package-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => path.join(dir, ...p);
const BAG = 'KC-2023-PhuThuong-CCHC';
const EVIDENCE = 'data/evidence/2.3/2.3_so 25BC-UBND_BC CCHC quy I.2023.pdf';

let identity: SigningIdentity;
let items: ZipItem[];
let n = 0;

beforeAll(async () => {
  identity = await newIdentity();
  await buildBag({ bagName: BAG, bagInfo: bagInfo(), payload: await samplePayload(at('src')), identity }, at('good.zip'));
  items = await readZip(at('good.zip'));
});

const inner = (name: string) => `${BAG}/${name}`;
const get = (list: ZipItem[], name: string) => list.find((i) => i.name === inner(name))!;
const clone = () => items.map((i) => ({ ...i, data: Buffer.from(i.data) }));

/** Rewrites the package with `change` applied and verifies it. */
async function tampered(change: (list: ZipItem[]) => ZipItem[] | void, opts = {}): Promise<VerifyReport> {
  const list = clone();
  const out = at(`t${++n}.zip`);
  await writeZip(out, change(list) ?? list);
  return verifyPackage(out, opts);
}

/** Changes one hex digit (keeping the text well-formed) or flips one bit of a binary byte. */
function flipAt(buf: Buffer, i: number): void {
  const c = String.fromCharCode(buf[i]!);
  buf[i] = /[0-9a-f]/.test(c) ? (c === '0' ? '1' : '0').charCodeAt(0) : buf[i]! ^ 0x01;
}

/** Offset of an entry's central directory header (its name's last occurrence, 46 bytes in). */
function centralHeader(zip: Buffer, name: string): number {
  const h = zip.lastIndexOf(Buffer.from(inner(name))) - 46;
  expect(zip.readUInt32LE(h)).toBe(0x02014b50);
  return h;
}

const checks = (r: VerifyReport) => [...new Set(r.problems.map((p) => p.check))].sort();
function expectProblem(r: VerifyReport, check: string, file: string) {
  expect(r.ok).toBe(false);
  const p = r.problems.find((x) => x.check === check && x.file === file);
  expect(p, JSON.stringify(r.problems, null, 1)).toBeDefined();
  expect(p!.message).toContain(file);
}

describe('the untampered rewrite', () => {
  it('verifies (so every failure below is the tamper, not the rewrite)', async () => {
    const r = await tampered(() => undefined);
    expect(r.problems).toEqual([]);
  });
});

describe('tamper matrix: each refused with its own reason, naming the file', () => {
  it('one flipped byte in an evidence file', async () => {
    const r = await tampered((l) => flipAt(get(l, EVIDENCE).data, 400));
    expect(checks(r)).toEqual(['payload-hash']);
    expectProblem(r, 'payload-hash', EVIDENCE);
    expect(r.problems[0]!.message).toMatch(/[0-9a-f]{64}.*[0-9a-f]{64}/); // both hashes
  });

  it('one flipped byte in data/package.json', async () => {
    const r = await tampered((l) => flipAt(get(l, 'data/package.json').data, 10));
    expect(checks(r)).toEqual(['payload-hash']);
    expectProblem(r, 'payload-hash', 'data/package.json');
  });

  it('one flipped byte in manifest-sha256.txt', async () => {
    const r = await tampered((l) => flipAt(get(l, 'manifest-sha256.txt').data, 5));
    expectProblem(r, 'tag-hash', 'manifest-sha256.txt');
    expect(checks(r)).not.toContain('signature'); // the signature still holds over the tag manifest
  });

  it('one flipped byte in tagmanifest-sha256.txt', async () => {
    const r = await tampered((l) => flipAt(get(l, 'tagmanifest-sha256.txt').data, 5));
    expectProblem(r, 'signature', 'tagmanifest-sha256.txt');
  });

  it('one flipped byte in the .p7s signature', async () => {
    const r = await tampered((l) => {
      const sig = get(l, 'tagmanifest-sha256.txt.p7s').data;
      flipAt(sig, sig.length - 10); // inside the RSA signature value
    });
    expect(checks(r)).toEqual(['signature']);
    expectProblem(r, 'signature', 'tagmanifest-sha256.txt.p7s');
    expect(r.problems[0]!.message).toContain('chữ ký không khớp');
  });

  it('a .p7s that is not CMS at all', async () => {
    const r = await tampered((l) => void (get(l, 'tagmanifest-sha256.txt.p7s').data = Buffer.from('not a signature')));
    expectProblem(r, 'signature', 'tagmanifest-sha256.txt.p7s');
    expect(r.signer).toBeNull();
  });

  it('a payload file added', async () => {
    const added = 'data/evidence/2.3/them-vao.pdf';
    const r = await tampered((l) => [...l, { name: inner(added), data: Buffer.from('%PDF-1.4 thêm'), method: 0 }]);
    expect(checks(r)).toEqual(['oxum', 'payload-unlisted']);
    expectProblem(r, 'payload-unlisted', added);
  });

  it('a payload file removed', async () => {
    const r = await tampered((l) => l.filter((i) => i.name !== inner('data/summary.pdf')));
    expect(checks(r)).toEqual(['oxum', 'payload-missing']);
    expectProblem(r, 'payload-missing', 'data/summary.pdf');
  });

  it('the certificate swapped: valid signature, but not the enrolled signer', async () => {
    const other = await newIdentity(Date.now(), 5, 'UBND xã Giả Mạo');
    const resign = (l: ZipItem[]) =>
      void (get(l, 'tagmanifest-sha256.txt.p7s').data = signDetachedBytes(get(l, 'tagmanifest-sha256.txt').data, other, new Date()));
    const plain = await tampered(resign);
    expect(plain.ok).toBe(true); // cryptographically fine…
    expect(plain.signer?.holder).toBe('UBND xã Giả Mạo');
    const enrolled = certificateInfo(identity.certificatePem, Date.now()).fingerprint;
    expect(plain.signer?.fingerprint).not.toBe(enrolled); // …so callers compare the fingerprint
    const r = await tampered(resign, { expectedSignerFingerprint: enrolled });
    expect(checks(r)).toEqual(['signer']);
    expect(r.problems[0]!.message).toContain(enrolled);
  });

  it('an unsigned extra tag file next to the bag files', async () => {
    const r = await tampered((l) => [...l, { name: inner('ghi-chu.txt'), data: Buffer.from('x'), method: 0 }]);
    expect(checks(r)).toEqual(['layout']);
    expectProblem(r, 'layout', 'ghi-chu.txt');
  });

  it('a changed Payload-Oxum (with the tag manifest and signature redone)', async () => {
    const r = await tampered((l) => {
      const info = get(l, 'bag-info.txt');
      info.data = Buffer.from(info.data.toString('utf8').replace(/Payload-Oxum: (\d+)\./, (_m, b) => `Payload-Oxum: ${Number(b) + 1}.`));
      const tm = get(l, 'tagmanifest-sha256.txt');
      tm.data = Buffer.from(tm.data.toString().replace(/^[0-9a-f]{64}(?=  bag-info\.txt)/m, createHash('sha256').update(info.data).digest('hex')));
      get(l, 'tagmanifest-sha256.txt.p7s').data = signDetachedBytes(tm.data, identity, new Date());
    });
    expect(checks(r)).toEqual(['oxum']);
    expect(r.problems[0]!.message).toContain('Payload-Oxum');
  });

  it('readPackageFile refuses a package that does not verify', async () => {
    const list = clone();
    flipAt(get(list, 'data/package.json').data, 10);
    await writeZip(at('bad-read.zip'), list);
    await expect(readPackageFile(at('bad-read.zip'), 'data/package.json')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('hostile zips are refused from the central directory, before reading content', () => {
  const onlyStructural = (r: VerifyReport) => {
    expect(r.bagName).toBeNull();
    expect(r.payload).toEqual([]);
    expect(r.signer).toBeNull();
  };

  it('a ../evil entry', async () => {
    // yazl refuses to write such a name, so write a placeholder and rename it in the bytes.
    await writeZip(at('evil.zip'), [...clone(), { name: 'XXXXXXX', data: Buffer.from('x'), method: 0 }]);
    writeFileSync(at('evil.zip'), Buffer.from(readFileSync(at('evil.zip')).toString('latin1').replaceAll('XXXXXXX', '../evil'), 'latin1'));
    const r = await verifyPackage(at('evil.zip'));
    expectProblem(r, 'entry-name', '../evil');
    onlyStructural(r);
  });

  it('absolute paths, backslashes, non-ASCII names', async () => {
    // yazl refuses such names itself, so rename entries (same length) in the finished zip's bytes.
    const list = clone();
    list.push(
      { name: 'AAAAAAAAAAAA', data: Buffer.from('1'), method: 0 },
      { name: 'BBBBBBBBBBBB', data: Buffer.from('2'), method: 0 },
      { name: 'CCCCCCCCCCCC', data: Buffer.from('3'), method: 0 },
    );
    await writeZip(at('names.zip'), list);
    let bytes = readFileSync(at('names.zip')).toString('latin1');
    bytes = bytes
      .replaceAll('AAAAAAAAAAAA', '/etc/passwdx')
      .replaceAll('BBBBBBBBBBBB', 'KC-2023\\a.pd')
      .replaceAll('CCCCCCCCCCCC', 'b\u00e1o-c\u00e1o.pdf'.padEnd(12, 'x'));
    writeFileSync(at('names.zip'), Buffer.from(bytes, 'latin1'));
    const r = await verifyPackage(at('names.zip'));
    expect(r.problems.filter((p) => p.check === 'entry-name').map((p) => p.message)).toEqual([
      expect.stringContaining('đường dẫn tuyệt đối'),
      expect.stringContaining('gạch ngược'),
      expect.stringContaining('không phải ASCII'),
    ]);
    onlyStructural(r);
  });

  it('a symlink entry', async () => {
    const z = new yazl.ZipFile();
    for (const i of items) z.addBuffer(i.data, i.name, { compress: false });
    z.addBuffer(Buffer.from('/etc/passwd'), inner('data/link.pdf'), { compress: false, mode: 0o120777 });
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    writeFileSync(at('link.zip'), Buffer.concat(chunks));
    const r = await verifyPackage(at('link.zip'));
    expectProblem(r, 'symlink', inner('data/link.pdf'));
    onlyStructural(r);
  });

  // Its time and memory are printed by bench/limits.bench.ts (a timed assertion here was flaky).
  it('a zip bomb: a deflated entry of 200 MB of zeros, refused without inflating it', async () => {
    await writeZip(at('bomb.zip'), [...clone(), { name: inner('data/bom.pdf'), data: Buffer.alloc(200 * 1024 * 1024), method: 8, compress: true }]);
    const size = readFileSync(at('bomb.zip')).length;
    expect(size).toBeLessThan(400 * 1024);
    const r = await verifyPackage(at('bomb.zip'));
    expectProblem(r, 'compressed', inner('data/bom.pdf'));
    onlyStructural(r);
  });

  it('a stored entry whose declared size lies', async () => {
    const good = readFileSync(at('good.zip'));
    const header = centralHeader(good, 'data/package.json');
    const huge = Buffer.from(good);
    huge.writeUInt32LE(200_000_000, header + 20); // compressed size
    huge.writeUInt32LE(200_000_000, header + 24); // uncompressed size
    writeFileSync(at('lie-big.zip'), huge);
    const r1 = await verifyPackage(at('lie-big.zip'));
    expectProblem(r1, 'entry-size', inner('data/package.json'));
    onlyStructural(r1);

    const mismatch = Buffer.from(good);
    mismatch.writeUInt32LE(good.readUInt32LE(header + 24) + 5, header + 24); // uncompressed ≠ stored
    writeFileSync(at('lie-size.zip'), mismatch);
    const r2 = await verifyPackage(at('lie-size.zip'));
    expectProblem(r2, 'entry-size', inner('data/package.json'));
    expect(r2.problems.find((p) => p.check === 'entry-size')!.message).toContain('khác kích thước lưu');
  });

  it('overlapping entries (several names pointing at the same bytes)', async () => {
    const good = readFileSync(at('good.zip'));
    const h1 = centralHeader(good, 'data/summary.pdf');
    const h2 = centralHeader(good, EVIDENCE);
    const bad = Buffer.from(good);
    bad.writeUInt32LE(good.readUInt32LE(h2 + 42), h1 + 42); // summary.pdf's header offset → the evidence's
    writeFileSync(at('overlap.zip'), bad);
    const r = await verifyPackage(at('overlap.zip'));
    expect(r.ok).toBe(false);
    expect(checks(r)).toEqual(expect.arrayContaining(['entry-header']));
    onlyStructural(r);
  });

  it('two top folders, a loose file, not a zip at all, too many entries', async () => {
    const two = await tampered((l) => [...l, { name: 'KHAC/data/a.pdf', data: Buffer.from('x'), method: 0 }]);
    expect(checks(two)).toEqual(['layout']);
    expect(two.problems[0]!.message).toContain('KHAC');
    const loose = await tampered((l) => [...l, { name: 'readme.txt', data: Buffer.from('x'), method: 0 }]);
    expectProblem(loose, 'layout', 'readme.txt');
    writeFileSync(at('junk.zip'), Buffer.from('PK\u0003\u0004 đây không phải tệp zip'));
    expect(checks(await verifyPackage(at('junk.zip')))).toEqual(['zip']);
    const many = await verifyPackage(at('good.zip'), { limits: { maxEntries: 5 } });
    expect(checks(many)).toEqual(['limits']);
  });

  it('a byte flipped in the raw zip: CRC and hash both catch it', async () => {
    const good = readFileSync(at('good.zip'));
    const bad = Buffer.from(good);
    const i = good.indexOf(Buffer.from('%PDF')) + 300;
    bad[i] = bad[i]! ^ 0xff;
    writeFileSync(at('raw.zip'), bad);
    const r = await verifyPackage(at('raw.zip'));
    expect(checks(r)).toEqual(['crc', 'payload-hash']);
  });
});
