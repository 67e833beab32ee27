// The training register (sổ theo dõi bồi dưỡng, document 004): courses, their organiser and
// dates, who attended (the office's people), and each attendee's certificate kept as an evidence
// document in the content-addressed store (checked by content: PDF or image).
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { adoptBlob } from '../blob-store';
import { checkEvidenceFile } from '../evidence-check';
import { getSettings } from '../settings';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CourseSummary } from '../../../shared/api/inspection-schemas';

const t = vi.training;

export function requireCourse(s: Services, id: number) {
  const c = s.db.first(s.db.q.selectFrom('training_course').selectAll().where('id', '=', id));
  if (!c) throw new ApiError('NOT_FOUND', t.courseNotFound);
  return c;
}

/** The office's active people, as the register and the targets list them. */
export function officePeople(s: Services) {
  return s.db
    .all(s.db.q.selectFrom('users').select(['id', 'full_name', 'position', 'roles']).where('active', '=', 1).orderBy('full_name'))
    .filter((u) => (JSON.parse(u.roles) as string[]).some((r) => r !== 'admin'))
    .map((u) => ({ id: u.id, fullName: u.full_name, position: u.position }));
}

export function listCourses(s: Services): CourseSummary[] {
  const courses = s.db.all(s.db.q.selectFrom('training_course').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc'));
  const count = (table: 'training_attendee' | 'training_question', id: number) =>
    Number(
      s.db.first(
        s.db.q
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('course_id', '=', id),
      )?.n ?? 0,
    );
  return courses.map((c) => ({
    id: c.id,
    name: c.name,
    organiser: c.organiser,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    attendees: count('training_attendee', c.id),
    questions: count('training_question', c.id),
    tests: s.db.all(s.db.q.selectFrom('training_test').selectAll().where('course_id', '=', c.id).orderBy('id')).map((x) => ({
      id: x.id,
      courseId: x.course_id,
      name: x.name,
      questionCount: x.question_count,
      timeLimitMinutes: x.time_limit_minutes,
      passingPercent: x.passing_percent,
    })),
  }));
}

export const courseSummary = (s: Services, id: number) => listCourses(s).find((c) => c.id === id)!;

export function findCourseByName(s: Services, name: string) {
  return s.db.first(s.db.q.selectFrom('training_course').selectAll().where('name', '=', name.normalize('NFC').trim()));
}

export function createCourse(
  s: Services,
  actor: Actor,
  input: { name: string; organiser: string | null; startsOn: string | null; endsOn: string | null },
): number {
  const name = input.name.normalize('NFC').trim();
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    throw new ApiError('VALIDATION', t.datesOrder, [{ path: 'endsOn', message: t.datesOrder }]);
  return s.db.tx((w) => {
    if (findCourseByName(s, name)) throw new ApiError('CONFLICT', t.courseExists(name), [{ path: 'name', message: t.courseExists(name) }]);
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('training_course').values({
        name,
        organiser: input.organiser?.normalize('NFC').trim() || null,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_at: s.clock.now(),
        created_by: actor.id,
      }),
    );
    appendAudit(w, s, actor, { action: 'training.course', entity: 'training_course', entityId: lastInsertRowid, after: { ...input, name } });
    return lastInsertRowid;
  });
}

export function courseDetail(s: Services, courseId: number) {
  requireCourse(s, courseId);
  const attendees = s.db.all(
    s.db.q
      .selectFrom('training_attendee as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('document as d', 'd.sha256', 'a.certificate_sha256')
      .select(['a.user_id', 'u.full_name', 'u.position', 'd.original_name'])
      .where('a.course_id', '=', courseId)
      .orderBy('u.full_name'),
  );
  return {
    course: courseSummary(s, courseId),
    attendees: attendees.map((a) => ({ userId: a.user_id, fullName: a.full_name, position: a.position, certificate: a.original_name })),
    people: officePeople(s),
  };
}

export function setAttendees(s: Services, actor: Actor, courseId: number, userIds: number[]): void {
  const known = new Set(officePeople(s).map((p) => p.id));
  if (userIds.some((id) => !known.has(id))) throw new ApiError('VALIDATION', t.unknownPerson);
  s.db.tx((w) => {
    requireCourse(s, courseId);
    const before = s.db.all(s.db.q.selectFrom('training_attendee').select('user_id').where('course_id', '=', courseId)).map((r) => r.user_id);
    const want = new Set(userIds);
    for (const id of before) if (!want.has(id)) s.db.run(s.db.q.deleteFrom('training_attendee').where('course_id', '=', courseId).where('user_id', '=', id));
    for (const id of want)
      s.db.run(
        s.db.q
          .insertInto('training_attendee')
          .values({ course_id: courseId, user_id: id })
          .onConflict((oc) => oc.doNothing()),
      );
    appendAudit(w, s, actor, { action: 'training.attendees', entity: 'training_course', entityId: courseId, before, after: [...want] });
  });
}

export async function attachCertificate(s: Services, actor: Actor, input: { courseId: number; userId: number; uploadId: string }): Promise<void> {
  const up = s.uploads.get(input.uploadId, actor.id ?? -1);
  const maxMb = getSettings(s).maxEvidenceMB;
  if (up.size > maxMb * 1024 * 1024) {
    await s.uploads.discard(up.id);
    throw new ApiError('VALIDATION', vi.evidence.tooBig(up.name, maxMb));
  }
  const decision = await checkEvidenceFile(up.path, up.size, up.head, up.name);
  if (!decision.ok) {
    await s.uploads.discard(up.id);
    throw new ApiError('VALIDATION', decision.message, [{ path: 'file', message: decision.message }]);
  }
  const attendee = s.db.first(s.db.q.selectFrom('training_attendee').selectAll().where('course_id', '=', input.courseId).where('user_id', '=', input.userId));
  if (!attendee) {
    await s.uploads.discard(up.id);
    throw new ApiError('VALIDATION', t.notAttendee);
  }
  s.uploads.forget(up.id);
  await adoptBlob(s.dataDir, up.path, up.sha256);
  s.db.tx((w) => {
    const now = s.clock.now();
    s.db.run(
      s.db.q
        .insertInto('document')
        .values({
          sha256: up.sha256,
          size: up.size,
          media_type: decision.mediaType,
          original_name: up.name,
          pdf_signed: decision.mediaType === 'application/pdf' ? (up.pdfSigned ? 1 : 0) : null,
          doc_number: null,
          doc_date: null,
          summary: null,
          created_at: now,
          created_by: actor.id,
        })
        .onConflict((oc) => oc.column('sha256').doNothing()),
    );
    s.db.run(
      s.db.q
        .updateTable('training_attendee')
        .set({ certificate_sha256: up.sha256 })
        .where('course_id', '=', input.courseId)
        .where('user_id', '=', input.userId),
    );
    appendAudit(w, s, actor, {
      action: 'training.certificate',
      entity: 'training_course',
      entityId: input.courseId,
      after: { userId: input.userId, fileName: up.name, sha256: up.sha256 },
    });
  });
}
