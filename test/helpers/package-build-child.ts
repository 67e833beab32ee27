// Child process for the pulled-stick test: builds a package from every file in a folder, signed
// with a key and certificate given as PEM files. Prints "start" just before building and "done"
// after, so the parent can SIGKILL it at a chosen moment of the build.
// Usage: node --import tsx test/helpers/package-build-child.ts <srcDir> <out.zip> <cert.pem> <key.pem>
import { readFileSync, readdirSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
// Only the writer is imported: the child's start-up time is most of each kill cycle.
import { buildBag } from '../../main/services/package-format/bag-writer';

const [srcDir, out, certPem, keyPem] = process.argv.slice(2) as [string, string, string, string];
const identity = { certificatePem: readFileSync(certPem, 'utf8'), privateKey: createPrivateKey(readFileSync(keyPem)) };
const payload = readdirSync(srcDir)
  .sort()
  .map((f) => ({ path: `evidence/${f}`, source: { file: path.join(srcDir, f) } }));
process.stdout.write('start\n');
const bagInfo = {
  'Source-Organization': 'UBND xã Phú Thượng',
  'External-Identifier': 'KC-PULLED-STICK-0001',
  'Kiemchung-Kind': 'cchc-self-assessment',
  'Kiemchung-Schema-Version': '1',
};
await buildBag({ bagName: 'KC-PULLED-STICK', bagInfo, payload, identity }, out);
process.stdout.write('done\n');
