// Every word the UI shows comes from the one catalogue (shared/i18n/vi.ts): a Vietnamese string
// typed straight into a renderer file would escape review of the wording and drift from it.
// Comments are fine; so are data values that are not UI text (listed below with why).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../renderer/src');
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯÁÀÃÉÈÍÌÓÒÕÚÙÝ]/;
const ALLOWED = [
  // The default position of the first leader: a value of the positions list (shared/office.ts), not a label.
  "position: 'Chủ tịch'",
  // Matches the back end's points error to show it under the points field.
  '/Điểm/.test(',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(tsx?|mts)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

describe('renderer text', () => {
  it('has no Vietnamese outside comments except the listed data values', () => {
    const found: string[] = [];
    for (const file of sources(root)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      let inBlock = false;
      lines.forEach((line, i) => {
        const trimmed = line.trim();
        if (inBlock) {
          if (trimmed.includes('*/')) inBlock = false;
          return;
        }
        if (trimmed.startsWith('/*')) {
          inBlock = !trimmed.includes('*/');
          return;
        }
        const code = trimmed.startsWith('//') || trimmed.startsWith('*') ? '' : line.replace(/\s\/\/ .*$/, '');
        if (VIETNAMESE.test(code) && !ALLOWED.some((a) => code.includes(a))) found.push(`${path.relative(root, file)}:${i + 1}: ${trimmed}`);
      });
    }
    expect(found).toEqual([]);
  });
});
