// End-of-course tests taken in the app, offline. The start time and deadline of an attempt are
// the server's trusted time (services/trusted-time.ts), stored with the attempt: a reload, a
// closed browser or a restart shows the same remaining time, and a PC clock turned back buys no
// minutes. Each answer is saved as given when it is chosen; an answer after the deadline is
// refused; a submission after it is recorded and flagged "late"; an attempt left open past its
// deadline is closed at the deadline with the answers saved. A second attempt is a new row
// (attempt_no 2), never over the first.
import type { WriteTx } from '../../db/connection';
import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { trustedNow } from '../trusted-time';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { formatDateTime } from '../../../shared/format';
import { passed, scoreAnswers } from '../../domain/training-targets';
import type { AttemptView } from '../../../shared/api/inspection-schemas';
import type { AnswerLetter, TrainingAttemptTable } from '../../db/schema';
import { requireCourse } from './register';

const t = vi.training;
type AttemptRow = Selectable<TrainingAttemptTable>;

function requireTest(s: Services, id: number) {
  const x = s.db.first(s.db.q.selectFrom('training_test').selectAll().where('id', '=', id));
  if (!x) throw new ApiError('NOT_FOUND', t.testNotFound);
  return x;
}

function requireAttempt(s: Services, actor: Actor, id: number): AttemptRow {
  const a = s.db.first(s.db.q.selectFrom('training_attempt').selectAll().where('id', '=', id));
  if (!a) throw new ApiError('NOT_FOUND', t.attemptNotFound);
  if (a.user_id !== actor.id) throw new ApiError('FORBIDDEN', t.notYours);
  return a;
}

export function createTest(
  s: Services,
  actor: Actor,
  input: { courseId: number; name: string; questionCount: number; timeLimitMinutes: number; passingPercent: number },
) {
  return s.db.tx((w) => {
    requireCourse(s, input.courseId);
    const have = Number(
      s.db.first(
        s.db.q
          .selectFrom('training_question')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('course_id', '=', input.courseId),
      )?.n ?? 0,
    );
    if (have < input.questionCount)
      throw new ApiError('VALIDATION', t.tooFewQuestions(input.questionCount, have), [
        { path: 'questionCount', message: t.tooFewQuestions(input.questionCount, have) },
      ]);
    const name = input.name.normalize('NFC').trim();
    const { lastInsertRowid: id } = s.db.run(
      s.db.q.insertInto('training_test').values({
        course_id: input.courseId,
        name,
        question_count: input.questionCount,
        time_limit_minutes: input.timeLimitMinutes,
        passing_percent: input.passingPercent,
        created_at: s.clock.now(),
        created_by: actor.id,
      }),
    );
    appendAudit(w, s, actor, { action: 'training.test', entity: 'training_course', entityId: input.courseId, after: { testId: id, ...input, name } });
    return {
      id,
      courseId: input.courseId,
      name,
      questionCount: input.questionCount,
      timeLimitMinutes: input.timeLimitMinutes,
      passingPercent: input.passingPercent,
    };
  });
}

const idsOf = (a: AttemptRow) => JSON.parse(a.question_ids) as number[];

function answersOf(s: Services, attemptId: number): Map<number, AnswerLetter> {
  return new Map(
    s.db.all(s.db.q.selectFrom('training_answer').select(['question_id', 'answer']).where('attempt_id', '=', attemptId)).map((r) => [r.question_id, r.answer]),
  );
}

function questionsOf(s: Services, ids: number[]) {
  if (!ids.length) return [];
  const rows = new Map(s.db.all(s.db.q.selectFrom('training_question').selectAll().where('id', 'in', ids)).map((q) => [q.id, q]));
  return ids.map((id) => rows.get(id)!);
}

/** Scores and closes an attempt (inside a transaction). `late`: submitted after its deadline. */
function close(w: WriteTx, s: Services, actor: Actor, a: AttemptRow, at: number, late: boolean): void {
  const test = requireTest(s, a.test_id);
  const { score, max } = scoreAnswers(questionsOf(s, idsOf(a)), answersOf(s, a.id));
  const ok = passed(score, max, test.passing_percent);
  s.db.run(
    s.db.q
      .updateTable('training_attempt')
      .set({ submitted_at: at, late: late ? 1 : 0, score, passed: ok ? 1 : 0 })
      .where('id', '=', a.id),
  );
  appendAudit(w, s, actor, {
    action: 'training.submit',
    entity: 'training_attempt',
    entityId: a.id,
    after: { testId: a.test_id, attemptNo: a.attempt_no, score, max, passed: ok, late, at },
  });
}

/** An attempt left open past its deadline is closed at the deadline (not late: time ran out). */
function closeExpired(s: Services, actor: Actor, a: AttemptRow, now: number): AttemptRow {
  if (a.submitted_at !== null || now <= a.deadline_at) return a;
  s.db.tx((w) => {
    const cur = s.db.first(s.db.q.selectFrom('training_attempt').selectAll().where('id', '=', a.id))!;
    if (cur.submitted_at === null) close(w, s, actor, cur, cur.deadline_at, false);
  });
  return s.db.first(s.db.q.selectFrom('training_attempt').selectAll().where('id', '=', a.id))!;
}

export function attemptView(s: Services, actor: Actor, id: number): AttemptView {
  const now = trustedNow(s);
  const a = closeExpired(s, actor, requireAttempt(s, actor, id), now);
  const test = requireTest(s, a.test_id);
  const course = requireCourse(s, test.course_id);
  const answers = answersOf(s, a.id);
  return {
    id: a.id,
    testId: test.id,
    testName: test.name,
    courseName: course.name,
    attemptNo: a.attempt_no,
    startedAt: a.started_at,
    deadlineAt: a.deadline_at,
    now,
    submittedAt: a.submitted_at,
    late: a.late === 1,
    score: a.score,
    maxScore: a.max_score,
    passed: a.passed === null ? null : a.passed === 1,
    questions: questionsOf(s, idsOf(a)).map((q) => ({
      id: q.id,
      text: q.text,
      options: { A: q.option_a, B: q.option_b, C: q.option_c, D: q.option_d },
      answer: answers.get(q.id) ?? null,
    })),
  };
}

export function startAttempt(s: Services, actor: Actor, testId: number): AttemptView {
  const now = trustedNow(s);
  const test = requireTest(s, testId);
  const attendee = s.db.first(s.db.q.selectFrom('training_attendee').select('user_id').where('course_id', '=', test.course_id).where('user_id', '=', actor.id));
  if (!attendee) throw new ApiError('FORBIDDEN', t.notAttendee);
  const mine = s.db.all(s.db.q.selectFrom('training_attempt').selectAll().where('test_id', '=', testId).where('user_id', '=', actor.id!).orderBy('attempt_no'));
  for (const a of mine) {
    const cur = closeExpired(s, actor, a, now);
    if (cur.submitted_at === null) return attemptView(s, actor, cur.id); // a reload: the same attempt, the same deadline
  }
  const id = s.db.tx((w) => {
    const bank = s.db.all(s.db.q.selectFrom('training_question').select(['id', 'points']).where('course_id', '=', test.course_id).orderBy('position'));
    if (bank.length < test.question_count) throw new ApiError('CONFLICT', t.tooFewQuestions(test.question_count, bank.length));
    // A fresh draw per attempt (Fisher–Yates with a CSPRNG), kept in the order shown.
    const pool = [...bank];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const drawn = pool.slice(0, test.question_count);
    const attemptNo = mine.length + 1;
    const deadline = now + test.time_limit_minutes * 60_000;
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('training_attempt').values({
        test_id: testId,
        user_id: actor.id!,
        attempt_no: attemptNo,
        question_ids: JSON.stringify(drawn.map((q) => q.id)),
        started_at: now,
        deadline_at: deadline,
        max_score: Math.round(drawn.reduce((x, q) => x + q.points, 0) * 100) / 100,
      }),
    );
    appendAudit(w, s, actor, {
      action: 'training.start',
      entity: 'training_attempt',
      entityId: lastInsertRowid,
      after: { testId, attemptNo, startedAt: now, deadlineAt: deadline },
    });
    return lastInsertRowid;
  });
  return attemptView(s, actor, id);
}

export function saveAnswer(s: Services, actor: Actor, input: { attemptId: number; questionId: number; answer: AnswerLetter }): { savedAt: number } {
  const now = trustedNow(s);
  return s.db.tx(() => {
    const a = requireAttempt(s, actor, input.attemptId);
    if (a.submitted_at !== null) throw new ApiError('CONFLICT', t.alreadySubmitted);
    if (now > a.deadline_at) throw new ApiError('CONFLICT', t.afterTime(formatDateTime(a.deadline_at)));
    if (!idsOf(a).includes(input.questionId)) throw new ApiError('VALIDATION', t.notInTest);
    s.db.run(
      s.db.q
        .insertInto('training_answer')
        .values({ attempt_id: a.id, question_id: input.questionId, answer: input.answer, answered_at: now })
        .onConflict((oc) => oc.columns(['attempt_id', 'question_id']).doUpdateSet({ answer: input.answer, answered_at: now })),
    );
    return { savedAt: now };
  });
}

export function submitAttempt(s: Services, actor: Actor, attemptId: number): AttemptView {
  const now = trustedNow(s);
  s.db.tx((w) => {
    const a = requireAttempt(s, actor, attemptId);
    if (a.submitted_at !== null) throw new ApiError('CONFLICT', t.alreadySubmitted);
    close(w, s, actor, a, now, now > a.deadline_at);
  });
  return attemptView(s, actor, attemptId);
}

export function myTests(s: Services, actor: Actor) {
  const now = trustedNow(s);
  const tests = s.db.all(
    s.db.q
      .selectFrom('training_test as t')
      .innerJoin('training_course as c', 'c.id', 't.course_id')
      .innerJoin('training_attendee as a', (j) => j.onRef('a.course_id', '=', 'c.id').on('a.user_id', '=', actor.id ?? -1))
      .selectAll('t')
      .select('c.name as course_name')
      .orderBy('t.id', 'desc'),
  );
  return tests.map((x) => ({
    id: x.id,
    courseId: x.course_id,
    name: x.name,
    questionCount: x.question_count,
    timeLimitMinutes: x.time_limit_minutes,
    passingPercent: x.passing_percent,
    courseName: x.course_name,
    attempts: s.db
      .all(
        s.db.q
          .selectFrom('training_attempt')
          .selectAll()
          .where('test_id', '=', x.id)
          .where('user_id', '=', actor.id ?? -1)
          .orderBy('attempt_no'),
      )
      .map((a) => closeExpired(s, actor, a, now))
      .map((a) => ({
        id: a.id,
        attemptNo: a.attempt_no,
        submittedAt: a.submitted_at,
        score: a.score,
        maxScore: a.max_score,
        passed: a.passed === null ? null : a.passed === 1,
        late: a.late === 1,
      })),
  }));
}
