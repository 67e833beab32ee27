// `kiemchung inspection …` and `kiemchung training …` (issue 15):
//   inspection list [--data-dir D]
//   inspection export --id N --format pdf --out FILE [--data-dir D]
//   inspection export --id N --format package --out FILE.zip   signed BagIt (KIEMCHUNG_KEY_PASSPHRASE)
//   training import-questions FILE --course "…" [--data-dir D]   creates the course if needed;
//        exit 0 with the count stored, 1 with every problem by row (nothing stored)
//   training export-results --course "…" --format pdf|xlsx|package --out FILE   (package: signed, KIEMCHUNG_KEY_PASSPHRASE)
import { parseArgs } from 'node:util';
import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import { resolveDataDir } from '../db/data-dir';
import { bootServices } from '../services/bootstrap';
import { SYSTEM_ACTOR } from '../services/context';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { viCli } from '../../shared/i18n/vi/cli';
import { formatIsoDate } from '../../shared/vn-time';

const USAGE = { inspection: vi.inspection.cli.usage, training: vi.training.cli.usage };

export async function runInspectionTrainingCli(area: 'inspection' | 'training', argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { id: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, course: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const [sub, file] = positionals;
  const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
  const findCourse = (name: string) => s.db.first(s.db.q.selectFrom('training_course').select('id').where('name', '=', name.normalize('NFC').trim()));
  try {
    if (area === 'inspection' && sub === 'list') {
      const { listInspections } = await import('../services/inspection/records');
      for (const i of listInspections(s))
        console.log(
          `${i.id}\t${i.year}\t${i.planNumber}\t${vi.inspection.methods[i.method]}\t${formatIsoDate(i.visitDate)}\t${i.dueDate ? `${vi.inspection.dueDate} ${formatIsoDate(i.dueDate)}` : ''}`,
        );
      return 0;
    }
    if (area === 'inspection' && sub === 'export' && values.format === 'package') {
      const id = Number(values.id);
      if (!Number.isInteger(id) || !values.out) throw new Error(USAGE.inspection);
      const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE;
      if (passphrase === undefined) throw new Error(viCli.passphrase.needEnv);
      const { buildInspectionPackage } = await import('../services/inspection/package');
      const built = await buildInspectionPackage(s, SYSTEM_ACTOR, id, passphrase);
      await copyFile(built.path, path.resolve(values.out));
      console.log(vi.inspection.cli.packaged(path.resolve(values.out), built.payloadFiles, built.sha256));
      return 0;
    }
    if (area === 'inspection' && sub === 'export') {
      const id = Number(values.id);
      if (!Number.isInteger(id) || !values.out || (values.format ?? 'pdf') !== 'pdf') throw new Error(USAGE.inspection);
      const { writeInspectionPdfTo } = await import('../services/inspection/export');
      await writeInspectionPdfTo(s, id, path.resolve(values.out));
      console.log(vi.inspection.cli.exported(path.resolve(values.out)));
      return 0;
    }
    if (area === 'training' && sub === 'import-questions') {
      if (!file || !values.course?.trim()) throw new Error(USAGE.training);
      const { findCourseByName, createCourse } = await import('../services/training/register');
      const { readQuestionBank, importQuestionBank } = await import('../services/training/question-bank');
      const existing = findCourseByName(s, values.course);
      // Check the file before creating the course: a refused file leaves nothing behind.
      if (!existing) await readQuestionBank(path.resolve(file), path.basename(file));
      const courseId = existing?.id ?? createCourse(s, SYSTEM_ACTOR, { name: values.course, organiser: null, startsOn: null, endsOn: null });
      if (!existing) console.log(vi.training.cli.courseCreated(values.course.normalize('NFC').trim()));
      const n = await importQuestionBank(s, SYSTEM_ACTOR, courseId, path.resolve(file), path.basename(file));
      console.log(vi.training.imported(n, values.course.normalize('NFC').trim()));
      return 0;
    }
    if (area === 'training' && sub === 'export-results') {
      const course = values.course ? findCourse(values.course) : undefined;
      if (!course || !values.out) throw new Error(course === undefined && values.course ? vi.training.courseNotFound : USAGE.training);
      const format = values.format ?? 'pdf';
      if (format === 'package') {
        const passphrase = process.env.KIEMCHUNG_KEY_PASSPHRASE;
        if (passphrase === undefined) throw new Error(viCli.passphrase.needEnv);
        const { buildTrainingPackage } = await import('../services/training/package');
        const built = await buildTrainingPackage(s, SYSTEM_ACTOR, course.id, passphrase);
        await copyFile(built.path, path.resolve(values.out));
        console.log(vi.training.cli.packaged(path.resolve(values.out), built.payloadFiles, built.sha256));
        return 0;
      }
      if (format !== 'pdf' && format !== 'xlsx') throw new Error(USAGE.training);
      const { writeResults } = await import('../services/training/results');
      await writeResults(s, course.id, format, path.resolve(values.out));
      console.log(vi.training.cli.exported(path.resolve(values.out)));
      return 0;
    }
    throw new Error(USAGE[area]);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    console.error(viCli.error(e.message));
    for (const i of e.issues ?? []) console.error(`  ${i.message}`);
    return 1;
  } finally {
    s.db.close();
  }
}
