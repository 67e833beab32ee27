import { verifyPackage } from '../main/services/package/bag-verify';
import { SafeZip } from '../main/services/package/zip-read';
import { createHash } from 'node:crypto';
let t = performance.now(); await verifyPackage('/tmp/kc/b.zip'); console.log('verify', performance.now() - t);
t = performance.now();
const z = await SafeZip.open('/tmp/kc/b.zip'); console.log('open', performance.now() - t);
for (const crc of [true, false]) {
t = performance.now();
for (const e of z.entries) { const h = createHash('sha256'); await z.readEntry(e, (c) => { h.update(c); }, crc); h.digest(); }
console.log('readEntry all crc=' + crc, performance.now() - t);
}
await z.close();
