#!/usr/bin/env node
// Converts the criteria facts taken from Phú Thượng's plan (KH 23/KH-UBND, in ../shared/data/)
// into our criteria JSON format as resources/criteria/phu-thuong-2021.json. Run once by hand;
// the output is committed. The rules (see resources/criteria/README.md):
// - nodes with codeInvented are the plan's list of requirements where points were lost, not
//   criteria of the set: each becomes a "Yêu cầu: …" line in its parent's guidance;
// - everything else is kept as written, missing maxima included (never the `inferred` guesses),
//   so the importer's warnings show what the document does not add up;
// - the commune's own results (points, deductions, remediation, assignees) are left out.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const input = path.resolve(repoRoot, '../shared/data/criteria-phu-thuong-2021.json');
const output = path.join(repoRoot, 'resources/criteria/phu-thuong-2021.json');

/** 0.5 → "0,5": the documents' decimal comma. */
const points = (n) => String(n).replace('.', ',');

const source = JSON.parse(readFileSync(input, 'utf8'));
if (!Array.isArray(source)) throw new Error(`${input}: expected an array of nodes`);

// 3.1.3 is the exception: the plan lists it unnumbered, but it is the third numbered
// sub-criterion of 3.1 (1 + 1,5 + 0,5 = 3, and the commune's 0,5/3 only adds up with it).
const KEEP_INVENTED = new Set(['3.1.3']);
const invented = (n) => n.codeInvented && !KEEP_INVENTED.has(n.code);
const kept = source.filter((n) => !invented(n));
const keptCodes = new Set(kept.map((n) => n.code));
const requirements = new Map(); // parent code → guidance lines
for (const n of source.filter(invented)) {
  // Folding only works if the requirement hangs off a real criterion and has nothing under it.
  if (!keptCodes.has(n.parent)) throw new Error(`${n.code}: parent ${n.parent} is itself invented or missing`);
  if (source.some((c) => c.parent === n.code)) throw new Error(`${n.code}: an invented node has children`);
  const line = `Yêu cầu: ${n.title.trim()}${typeof n.maxPoints === 'number' ? ` (${points(n.maxPoints)} điểm)` : ''}`;
  requirements.set(n.parent, [...(requirements.get(n.parent) ?? []), line]);
}

const set = {
  format: 'kiemchung-criteria',
  version: 1,
  name: 'Bộ tiêu chí mẫu — theo KH 23/KH-UBND xã Phú Thượng',
  decision: 'QĐ 2614/QĐ-UBND ngày 05/12/2017 (UBND huyện Võ Nhai)',
  province: 'Thái Nguyên',
  year: 2021,
  criteria: kept.map((n) => ({
    code: n.code,
    title: n.title.trim(),
    maxPoints: typeof n.maxPoints === 'number' ? n.maxPoints : null,
    guidance: requirements.has(n.code) ? requirements.get(n.code).join('\n') : null,
    evidenceHints: null,
  })),
};

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(set, null, 2) + '\n');
const folded = source.length - kept.length;
console.log(`${path.relative(repoRoot, output)}: ${kept.length} tiêu chí; ${folded} yêu cầu đưa vào phần hướng dẫn của tiêu chí cha.`);
