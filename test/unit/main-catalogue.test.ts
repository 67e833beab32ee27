// The back end's words come from the catalogue too (shared/i18n/vi.ts and shared/i18n/vi/*.ts):
// a Vietnamese message typed into main/ escapes review of the wording and drifts from the rest.
// Data is excepted by rule: the province's own words that files are matched against (form column
// headers, position names), demo content, and letters inside regular expressions. What is still to
// move is listed with its count: a file may only go down, and a file not listed may have none.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { sources, vietnameseLines } from '../helpers/vietnamese-scan';

const root = path.resolve(import.meta.dirname, '../../main');

/** Files whose Vietnamese is data, not messages, and why. */
const DATA: Record<string, string> = {
  'services/roster/forms.ts': 'the column headers printed on the province’s forms Mẫu 01–05, matched against imported files',
  'services/roster/layout.ts': 'the forms’ title rows as the province prints them, written into exported rosters',
  'services/demo.ts': 'demo content',
  'services/demo-assessment.ts': 'demo content',
  'services/demo-exam.ts': 'demo content',
  'services/demo-files.ts': 'demo content',
  'services/demo-appraisal.ts': 'demo content (document 002’s officers and units)',
  'domain/exam-positions.ts': 'the exam positions’ titles and the plan’s group names, matched against rosters',
  'domain/name-keys.ts': 'the tone-placement letters (oà/òa, uý/úy…) and the commune-kind prefixes (xã, phường, thị trấn) names are compared by',
  'services/roster/read/cells.ts': 'the heading words of the province’s lists (UBND huyện …, xã …), matched against imported rosters',
  'domain/inspection-outline-data.ts': 'the province’s own outline of the inspection report (document 003), printed as written',
};

/** Messages still to move into the catalogue (issue 13), with how many lines each has today. */
const REMAINING: Record<string, number> = {};

describe('main/ text', () => {
  it('has no Vietnamese outside comments, except data and the files still listed (which may only shrink)', () => {
    const over: string[] = [];
    for (const file of sources(root)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (rel in DATA) continue;
      const lines = vietnameseLines(file);
      const allowed = REMAINING[rel] ?? 0;
      if (lines.length > allowed) over.push(`${rel}: ${lines.length} dòng (được ${allowed}) — ${lines.map(([n, t]) => `${n}: ${t}`).join(' | ')}`);
    }
    expect(over).toEqual([]);
  });
});
