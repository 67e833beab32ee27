// Every word the UI shows comes from the one catalogue (shared/i18n/vi.ts): a Vietnamese string
// typed straight into a renderer file would escape review of the wording and drift from it.
// Comments are fine; so are data values that are not UI text (listed below with why).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { sources, vietnameseLines } from '../helpers/vietnamese-scan';

const root = path.resolve(import.meta.dirname, '../../renderer/src');
const ALLOWED = [
  // The default position of the first leader: a value of the positions list (shared/office.ts), not a label.
  "position: 'Chủ tịch'",
];

describe('renderer text', () => {
  it('has no Vietnamese outside comments except the listed data values', () => {
    const found: string[] = [];
    for (const file of sources(root))
      for (const [n, line] of vietnameseLines(file)) if (!ALLOWED.some((a) => line.includes(a))) found.push(`${path.relative(root, file)}:${n}: ${line}`);
    expect(found).toEqual([]);
  });
});
