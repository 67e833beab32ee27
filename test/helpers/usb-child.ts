// Runs one USB export in its own process so a test can SIGKILL it at any moment.
// Usage: node --import tsx test/helpers/usb-child.ts <src> <destDir> <fileName>
import { exportToDrive } from '../../main/services/usb/export';

const [src, dest, fileName] = process.argv.slice(2);
if (!src || !dest || !fileName) throw new Error('usage: usb-child.ts <src> <destDir> <fileName>');
process.stdout.write('start\n');
const r = await exportToDrive(src, dest, { fileName, verify: async () => ({ ok: true, problems: [] }) });
process.stdout.write(`done ${JSON.stringify(r)}\n`);
