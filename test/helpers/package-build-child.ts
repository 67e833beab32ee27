// Child process for the pulled-stick test: builds a package from every file in a folder, signed
// with a key and certificate given as PEM files. Prints "start" just before building and "done"
// after, so the parent can SIGKILL it at a chosen moment of the build.
// Usage: node --import tsx test/helpers/package-build-child.ts <srcDir> <out.zip> <cert.pem> <key.pem>
import { readFileSync, readdirSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { buildBag } from '../../main/services/package';
import { bagInfo } from './package';

const [srcDir, out, certPem, keyPem] = process.argv.slice(2) as [string, string, string, string];
const identity = { certificatePem: readFileSync(certPem, 'utf8'), privateKey: createPrivateKey(readFileSync(keyPem)) };
const payload = readdirSync(srcDir)
  .sort()
  .map((f) => ({ path: `evidence/${f}`, source: { file: path.join(srcDir, f) } }));
process.stdout.write('start\n');
await buildBag({ bagName: 'KC-PULLED-STICK', bagInfo: bagInfo(), payload, identity }, out);
process.stdout.write('done\n');
