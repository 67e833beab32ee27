// `kiemchung appraisal …` and `kiemchung plan …`: the council's form, importing its results, and
// exporting the improvement plan — the same services the screens use.
//   appraisal template --year Y --out FILE.xlsx [--data-dir D]
//   appraisal import FILE --year Y [--data-dir D]    exit 2 with every problem by row, nothing stored
//   plan export --year Y --format pdf|xlsx --out FILE [--data-dir D]
import { parseArgs } from 'node:util';
import path from 'node:path';
import { resolveDataDir } from '../db/data-dir';
import { bootServices } from '../services/bootstrap';
import { SYSTEM_ACTOR } from '../services/context';
import { ApiError } from '../../shared/errors';
import { assessmentOfYear, checkAppraisalFile, storeAppraisal } from '../services/appraisal/results';
import { viAppraisal } from '../../shared/i18n/vi/appraisal';

const c = viAppraisal.cli;
const USAGE = c.usage;

export async function runAppraisalCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { year: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const [cmd, sub, file] = positionals;
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw new Error(`${c.needYear}\n${USAGE}`);
  const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
  try {
    const a = assessmentOfYear(s, year);
    const { writeTemplateTo, writePlanTo } = await import('../services/appraisal/exports');
    if (cmd === 'appraisal' && sub === 'template') {
      if (!values.out) throw new Error(`${c.needOutXlsx}\n${USAGE}`);
      await writeTemplateTo(s, a.id, values.out);
      console.log(c.templateDone(year, path.resolve(values.out)));
      return 0;
    }
    if (cmd === 'appraisal' && sub === 'import') {
      if (!file) throw new Error(`${c.needFile}\n${USAGE}`);
      const { readAppraisalFile } = await import('../services/appraisal/read-file');
      try {
        const parsed = await readAppraisalFile(path.resolve(file));
        const results = checkAppraisalFile(s, a, parsed, path.basename(file));
        const r = storeAppraisal(s, SYSTEM_ACTOR, a, results, { kind: 'file', name: path.basename(file) });
        console.log(c.imported(year, r.imported, r.drafted));
        return 0;
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'VALIDATION') throw e;
        console.error(c.error(e.message));
        for (const i of e.issues ?? []) console.error(`  ${i.path ? i.path + ': ' : ''}${i.message}`);
        return 2;
      }
    }
    if (cmd === 'plan' && sub === 'export') {
      const format = values.format;
      if (format !== 'pdf' && format !== 'xlsx') throw new Error(`${c.needFormat}\n${USAGE}`);
      if (!values.out) throw new Error(`${c.needOut}\n${USAGE}`);
      await writePlanTo(s, a.id, format, values.out);
      console.log(c.planDone(year + 1, path.resolve(values.out)));
      return 0;
    }
    throw new Error(USAGE);
  } finally {
    s.db.close();
  }
}
