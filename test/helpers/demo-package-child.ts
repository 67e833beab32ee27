// Builds the demo assessment's signed package in a data folder of its own (another commune's
// machine, as far as the app under test is concerned) and prints the zip's path.
// Usage: node --import tsx test/helpers/demo-package-child.ts <dataDir>
import { buildDemoPackage } from './demo-package';

const dir = process.argv[2];
if (!dir) throw new Error('usage: demo-package-child.ts <dataDir>');
const { app, zip } = await buildDemoPackage(dir);
app.close();
process.stdout.write(`${zip}\n`);
