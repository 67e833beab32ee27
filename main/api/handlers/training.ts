// Handlers for the training register and end-of-course tests (document 004) — issue 15.
import type { Router } from '../router';
import { packageFile } from './inspection';
import { attachCertificate, courseDetail, courseSummary, createCourse, listCourses, setAttendees } from '../../services/training/register';
import { attemptView, createTest, myTests, saveAnswer, startAttempt, submitAttempt } from '../../services/training/tests';
import { courseResults, setPopulation, targetsView } from '../../services/training/results';
import { vi } from '../../../shared/i18n/vi';
// The XLSX reader and the PDF/XLSX writers are loaded on first use so start-up stays fast.
const bank = () => import('../../services/training/question-bank');
const results = () => import('../../services/training/results');

export function registerTraining(r: Router): void {
  r.register('training.courses', (_i, { s }) => listCourses(s));
  r.register('training.createCourse', (input, { s, actor }) => courseSummary(s, createCourse(s, actor, input)));
  r.register('training.course', ({ courseId }, { s }) => courseDetail(s, courseId));
  r.register('training.setAttendees', ({ courseId, userIds }, { s, actor }) => (setAttendees(s, actor, courseId, userIds), courseDetail(s, courseId)));
  r.register('training.attachCertificate', async (input, { s, actor }) => (await attachCertificate(s, actor, input), courseDetail(s, input.courseId)));
  r.register('training.importQuestions', async ({ courseId, uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      const n = await (await bank()).importQuestionBank(s, actor, courseId, up.path, up.name);
      return { imported: n, message: vi.training.imported(n, courseSummary(s, courseId).name) };
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('training.createTest', (input, { s, actor }) => createTest(s, actor, input));
  r.register('training.myTests', (_i, { s, actor }) => myTests(s, actor));
  r.register('training.start', ({ testId }, { s, actor }) => startAttempt(s, actor, testId));
  r.register('training.attempt', ({ attemptId }, { s, actor }) => attemptView(s, actor, attemptId));
  r.register('training.answer', (input, { s, actor }) => saveAnswer(s, actor, input));
  r.register('training.submit', ({ attemptId }, { s, actor }) => submitAttempt(s, actor, attemptId));
  r.register('training.results', ({ courseId }, { s }) => courseResults(s, courseId));
  r.register('training.exportResults', async ({ courseId, format }, { s }) => (await results()).exportResults(s, courseId, format));
  r.register('training.buildPackage', async ({ courseId, passphrase }, { s, actor }) =>
    packageFile(s, await (await import('../../services/training/package')).buildTrainingPackage(s, actor, courseId, passphrase)),
  );
  r.register('training.targets', ({ year }, { s }) => targetsView(s, year));
  r.register('training.setPopulation', ({ year, people }, { s, actor }) => (setPopulation(s, actor, people), targetsView(s, year)));
}
