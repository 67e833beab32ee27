import { readdirSync, readFileSync } from 'node:fs';
import { createPrivateKey, createHash } from 'node:crypto';
import path from 'node:path';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { buildBag } from '../main/services/package/bag-writer';
import { verifyPackage } from '../main/services/package/bag-verify';
import { createSelfSignedIdentity } from '../main/services/package/keys';
const cache = '/tmp/kc-bench-evidence';
const id = await createSelfSignedIdentity({ commonName: 'x', organization: 'x', locality: 'x', province: 'x' });
const payload = readdirSync(cache).sort().map((f) => ({ path: `e/${f}`, source: { file: path.join(cache, f) } }));
let t = performance.now();
await buildBag({ bagName: 'B', bagInfo: { 'Source-Organization': 'x', 'External-Identifier': 'x', 'Kiemchung-Kind': 'x', 'Kiemchung-Schema-Version': '1' }, payload, identity: id }, '/tmp/kc/b.zip');
console.log('build', performance.now() - t);
execFileSync('cat', ['/tmp/kc/b.zip'], { stdio: 'ignore' });
for (let i = 0; i < 2; i++) {
t = performance.now(); await verifyPackage('/tmp/kc/b.zip'); console.log('verify', performance.now() - t);
}
t = performance.now(); execFileSync('openssl', ['dgst', '-sha256', '/tmp/kc/b.zip']); console.log('openssl', performance.now() - t);
// raw loops
const fh = await open('/tmp/kc/b.zip');
const size = (await fh.stat()).size;
for (const mode of ['read', 'sha', 'sha+crc']) {
  const buf = Buffer.allocUnsafe(2 << 20);
  const h = createHash('sha256'); let c = 0;
  t = performance.now();
  for (let pos = 0; pos < size; ) { const { bytesRead } = await fh.read(buf, 0, buf.length, pos); const b = buf.subarray(0, bytesRead); if (mode !== 'read') h.update(b); if (mode === 'sha+crc') c = crc32(b, c); pos += bytesRead; }
  console.log(mode, performance.now() - t);
}
