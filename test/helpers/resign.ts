// The forger's moves on a real package's entries: edit data/package.json, recompute the manifest,
// Payload-Oxum and the tag manifest so every hash agrees again, and sign the tag manifest with a
// key of one's own. Also: edit the signer certificate's subject inside the .p7s.
import { createHash } from 'node:crypto';
import { signDetachedBytes, type SigningIdentity } from '../../main/services/package-format';
import type { ZipItem } from './package';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function entry(items: ZipItem[], bag: string, name: string): ZipItem {
  const it = items.find((i) => i.name === `${bag}/${name}`);
  if (!it) throw new Error(`no ${name}`);
  return it;
}

/** Replaces `file`'s bytes and redoes manifest, Payload-Oxum and tag manifest (the signature is left alone). */
export function rehash(items: ZipItem[], bag: string, file: string, data: Buffer): void {
  const target = entry(items, bag, file);
  const delta = data.length - target.data.length;
  target.data = data;
  const manifest = entry(items, bag, 'manifest-sha256.txt');
  manifest.data = Buffer.from(
    manifest.data
      .toString('utf8')
      .split('\n')
      .map((l) => (l.endsWith(`  ${file}`) ? `${sha(data)}  ${file}` : l))
      .join('\n'),
  );
  const info = entry(items, bag, 'bag-info.txt');
  info.data = Buffer.from(
    info.data.toString('utf8').replace(/Payload-Oxum: (\d+)\.(\d+)/, (_m, b: string, n: string) => `Payload-Oxum: ${Number(b) + delta}.${n}`),
  );
  const tm = entry(items, bag, 'tagmanifest-sha256.txt');
  tm.data = Buffer.from(
    tm.data
      .toString('utf8')
      .split('\n')
      .map((l) => {
        const m = /^[0-9a-f]{64} {2}(.+)$/.exec(l);
        return m ? `${sha(entry(items, bag, m[1]!).data)}  ${m[1]}` : l;
      })
      .join('\n'),
  );
}

/** Signs the tag manifest again with `identity` (signing time `at`). */
export function resign(items: ZipItem[], bag: string, identity: SigningIdentity, at = new Date()): void {
  entry(items, bag, 'tagmanifest-sha256.txt.p7s').data = signDetachedBytes(entry(items, bag, 'tagmanifest-sha256.txt').data, identity, at);
}

/**
 * Edits the signer certificate's subject common name inside the .p7s ("Phú" → "Qhú"). The name
 * occurs as the certificate's issuer, its subject, then the signer's issuerAndSerialNumber: the
 * second occurrence is the subject; the CMS signature itself is untouched.
 */
export function editSignerSubject(items: ZipItem[], bag: string, cn = 'UBND xã Phú Thượng'): void {
  const p7s = entry(items, bag, 'tagmanifest-sha256.txt.p7s');
  const needle = Buffer.from(cn);
  const hits: number[] = [];
  for (let i = p7s.data.indexOf(needle); i >= 0; i = p7s.data.indexOf(needle, i + 1)) hits.push(i);
  if (hits.length !== 3) throw new Error(`expected the name 3 times in the .p7s, found ${hits.length}`);
  const at = hits[1]! + Buffer.byteLength(cn.slice(0, cn.indexOf('Phú')));
  p7s.data = Buffer.from(p7s.data);
  p7s.data[at] = 'Q'.charCodeAt(0);
}
