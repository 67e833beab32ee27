// Integration tests spawn the built CLI; build once if dist/ is missing (npm test builds first).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (!existsSync('dist/cli/index.js') || !existsSync('dist/renderer/index.html')) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', '--test-build'], { stdio: 'inherit' });
  }
}
