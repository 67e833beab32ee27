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
  'domain/vietnamese.ts': 'the letters đ/Đ in the diacritics rule',
  'domain/content-disposition.ts': 'the letters đ/Đ in the ASCII fallback of file names',
  'domain/inspection-outline-data.ts': 'the province’s own outline of the inspection report (document 003), printed as written',
};

/** Messages still to move into the catalogue (issue 13), with how many lines each has today. */
const REMAINING: Record<string, number> = {
  'services/roster/read/messages.ts': 69,
  'domain/roster.ts': 60,
  'services/package/usb-messages.ts': 33,
  'services/criteria-file.ts': 28,
  'services/package/manual-export.ts': 21,
  'services/exam/results-export.ts': 13,
  'services/summary/content.ts': 13,
  'domain/exam-steps.ts': 4,
  'domain/scoring.ts': 5,
  'host/server.ts': 5,
  'services/roster/read/cells.ts': 5,
  'receiver/identity.ts': 4,
  'services/roster/read/sheet.ts': 4,
  'services/package/zip-read.ts': 3,
  'services/roster/pdf.ts': 3,
  'services/summary/xlsx.ts': 3,
  'services/roster/read/index.ts': 2,
  'services/roster/read/row.ts': 2,
  'services/roster/xlsx.ts': 2,
  'services/submission/build-exam.ts': 2,
  'services/submission/build.ts': 2,
  'services/summary/pdf.ts': 2,
  'api/router.ts': 1,
  'cli/package-verify.ts': 1,
  'db/migrate.ts': 1,
  'domain/criteria-tree.ts': 1,
  'receiver/verdict.ts': 1,
  'services/assessment/summary-export.ts': 1,
  'services/context.ts': 1,
  'services/db-check.ts': 1,
  'services/documents/table-pdf.ts': 1,
};

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
