// The training register and end-of-course tests through the router on a real SQLite file: the
// question bank import (a good file; each bad case refused whole, every problem by row), tests
// with a server-side timer, automatic scoring, a second attempt kept apart, a late submission
// flagged, results exported, and document 004's targets from the register.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { uploadBytes } from '../helpers/assessment';
import { goodRows, writeBank, type BankRow } from '../helpers/question-bank';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function setUp() {
  const leader = await setUpOffice(app);
  const people: Record<string, { id: number; token: string }> = {};
  for (const u of ['lan', 'nam', 'hoa']) {
    const p = await app.call(
      'users.create',
      { fullName: `Cán bộ ${u}`, position: 'Văn phòng - Thống kê', username: u, password: `${u}-mat-khau`, roles: ['officer'] },
      leader,
    );
    people[u] = { id: p.id, token: (await app.call('auth.login', { username: u, password: `${u}-mat-khau` })).token };
  }
  const course = await app.call(
    'training.createCourse',
    { name: 'Bồi dưỡng nghiệp vụ CCHC 2023', organiser: 'Sở Nội vụ', startsOn: '2023-09-18', endsOn: '2023-09-20' },
    leader,
  );
  return { leader, people, course };
}

async function importRows(token: string, courseId: number, rows: BankRow[], name = 'ngan-hang.xlsx') {
  const file = path.join(app.dir, name);
  await writeBank(file, rows);
  const uploadId = await uploadBytes(app, token, name, readFileSync(file));
  return app
    .call('training.importQuestions', { courseId, uploadId }, token)
    .catch((e: { shape: { code: string; message: string; issues?: { message: string }[] } }) => e.shape);
}

describe('question bank import', () => {
  it('imports a good file whose header sits below title rows; the count shown is the count stored', async () => {
    const { leader, course } = await setUp();
    const r = await importRows(leader, course.id, goodRows(12));
    expect(r).toEqual({ imported: 12, message: 'Đã nhập 12 câu hỏi vào lớp "Bồi dưỡng nghiệp vụ CCHC 2023".' });
    expect((await app.call('training.courses', {}, leader))[0]!.questions).toBe(12);
  });

  it.each([
    ['a missing correct answer', (r: BankRow[]) => (r[1]![5] = null), 'Dòng 6: thiếu đáp án đúng (cột "Đáp án": ghi A, B, C hoặc D).'],
    ['an answer letter outside A–D', (r: BankRow[]) => (r[2]![5] = 'E'), 'Dòng 7: đáp án "E" không phải A, B, C hoặc D.'],
    ['a duplicate question', (r: BankRow[]) => (r[3]![0] = r[0]![0]!), 'Dòng 8: câu hỏi trùng với dòng 5.'],
    ['text in the points column', (r: BankRow[]) => (r[4]![6] = 'một'), 'Dòng 9: điểm "một" không phải là số (cột "Điểm", ví dụ 1 hoặc 0,5).'],
  ])('refuses %s, names the row, and stores nothing', async (_name, spoil, message) => {
    const { leader, course } = await setUp();
    const rows = goodRows(6);
    spoil(rows);
    const r = await importRows(leader, course.id, rows);
    expect(r).toMatchObject({
      code: 'VALIDATION',
      message: 'Chưa nhập tệp "ngan-hang.xlsx": có 1 lỗi, chưa lưu câu hỏi nào. Sửa từng dòng dưới đây rồi nhập lại.',
    });
    expect('issues' in r && r.issues?.map((i) => i.message)).toEqual([message]);
    expect((await app.call('training.courses', {}, leader))[0]!.questions).toBe(0);
  });

  it('lists every problem of a file at once', async () => {
    const { leader, course } = await setUp();
    const rows = goodRows(4);
    rows[0]![5] = null;
    rows[1]![6] = 'hai';
    rows[3]![0] = rows[2]![0]!;
    const r = await importRows(leader, course.id, rows);
    expect('issues' in r && r.issues?.map((i) => i.message)).toEqual([
      'Dòng 5: thiếu đáp án đúng (cột "Đáp án": ghi A, B, C hoặc D).',
      'Dòng 6: điểm "hai" không phải là số (cột "Điểm", ví dụ 1 hoặc 0,5).',
      'Dòng 8: câu hỏi trùng với dòng 7.',
    ]);
  });
});

describe('end-of-course test', () => {
  async function withTest(count = 10, minutes = 15) {
    const x = await setUp();
    await importRows(x.leader, x.course.id, goodRows(12));
    await app.call('training.setAttendees', { courseId: x.course.id, userIds: [x.people['lan']!.id, x.people['nam']!.id] }, x.leader);
    const test = await app.call(
      'training.createTest',
      { courseId: x.course.id, name: 'Kiểm tra cuối khóa', questionCount: count, timeLimitMinutes: minutes, passingPercent: 50 },
      x.leader,
    );
    return { ...x, test };
  }
  const correctOf = (text: string) => 'ABCD'[(Number(/số (\d+)/.exec(text)![1]) - 1) % 4] as 'A' | 'B' | 'C' | 'D';

  it('keeps the server’s deadline across reloads, saves answers as given and scores them', async () => {
    const { people, test, leader, course } = await withTest();
    const lan = people['lan']!.token;
    const a = await app.call('training.start', { testId: test.id }, lan);
    expect(a.questions).toHaveLength(10);
    expect(a.deadlineAt - a.startedAt).toBe(15 * 60_000);
    // 6 right, 4 wrong.
    for (const [i, q] of a.questions.entries()) {
      const right = correctOf(q.text);
      await app.call('training.answer', { attemptId: a.id, questionId: q.id, answer: i < 6 ? right : right === 'A' ? 'B' : 'A' }, lan);
    }
    app.clock.advance(5 * 60_000);
    // A reload asks again: the same attempt, the same deadline, the answers as saved.
    const again = await app.call('training.start', { testId: test.id }, lan);
    expect(again).toMatchObject({ id: a.id, deadlineAt: a.deadlineAt, attemptNo: 1 });
    expect(again.questions.filter((q) => q.answer !== null)).toHaveLength(10);
    const done = await app.call('training.submit', { attemptId: a.id }, lan);
    expect(done).toMatchObject({ score: 6, maxScore: 10, passed: true, late: false });
    expect((await app.fail('training.answer', { attemptId: a.id, questionId: a.questions[0]!.id, answer: 'C' }, lan)).code).toBe('CONFLICT');
    // Someone else's attempt is not readable; a non-attendee cannot start.
    expect((await app.fail('training.attempt', { attemptId: a.id }, people['nam']!.token)).code).toBe('FORBIDDEN');
    expect((await app.fail('training.start', { testId: test.id }, people['hoa']!.token)).code).toBe('FORBIDDEN');

    const rows = await app.call('training.results', { courseId: course.id }, leader);
    expect(rows.map((r) => [r.fullName, r.attemptNo, r.score, r.passed])).toEqual([['Cán bộ lan', 1, 6, true]]);
    const pdf = await app.call('training.exportResults', { courseId: course.id, format: 'pdf' }, leader);
    const text = execFileSync('pdftotext', ['-layout', app.s.files.get(pdf.fileId)!.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('KẾT QUẢ KIỂM TRA CUỐI KHÓA BỒI DƯỠNG');
    expect(text).toContain('Cán bộ lan');
    expect(text).toContain('6/10');
    expect(text).toContain('Số người đạt: 1/1.');
  });

  it('refuses answers after the time, flags a late submission, and records a second attempt as such', async () => {
    const { people, test, leader, course } = await withTest(10, 10);
    const nam = people['nam']!.token;
    const a = await app.call('training.start', { testId: test.id }, nam);
    await app.call('training.answer', { attemptId: a.id, questionId: a.questions[0]!.id, answer: correctOf(a.questions[0]!.text) }, nam);
    app.clock.advance(10 * 60_000 + 1000);
    const late = await app.fail('training.answer', { attemptId: a.id, questionId: a.questions[1]!.id, answer: 'A' }, nam);
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/^Đã hết giờ làm bài \(lúc \d\d:\d\d \d\d\/\d\d\/2023\)/);
    const sub = await app.call('training.submit', { attemptId: a.id }, nam);
    expect(sub).toMatchObject({ late: true, score: 1, passed: false });

    const second = await app.call('training.start', { testId: test.id }, nam);
    expect(second.id).not.toBe(a.id);
    expect(second.attemptNo).toBe(2);
    // Left open past its time: closed at the deadline with what was saved, not late.
    app.clock.advance(11 * 60_000);
    expect(await app.call('training.attempt', { attemptId: second.id }, nam)).toMatchObject({ submittedAt: second.deadlineAt, late: false, score: 0 });
    // 21 minutes idle locked the leader's session (15 min): log in again.
    const again = (await app.call('auth.login', { username: 'chutich', password: 'mat-khau-manh' })).token;
    expect(leader).not.toBe(again);
    const rows = await app.call('training.results', { courseId: course.id }, again);
    expect(rows.map((r) => [r.attemptNo, r.late, r.score])).toEqual([
      [1, true, 1],
      [2, false, 0],
    ]);
  });

  it('computes document 004’s targets from the register: only a passed test counts for a course that has one', async () => {
    const { people, test, leader } = await withTest();
    const lan = people['lan']!;
    const pop = [lan, people['nam']!, people['hoa']!].map((p) => ({ userId: p.id, advises: true, oneStop: p === lan }));
    let t = await app.call('training.setPopulation', { year: 2023, people: pop }, leader);
    expect(t.figures[0]).toMatchObject({ id: 'T1', eligible: 3, trained: 0, percent: 0, met: false, gap: 95 });
    expect(t.figures[0]!.missing.map((m) => m.fullName)).toEqual(['Cán bộ hoa', 'Cán bộ lan', 'Cán bộ nam']);
    const a = await app.call('training.start', { testId: test.id }, lan.token);
    for (const q of a.questions) await app.call('training.answer', { attemptId: a.id, questionId: q.id, answer: correctOf(q.text) }, lan.token);
    await app.call('training.submit', { attemptId: a.id }, lan.token);
    t = await app.call('training.targets', { year: 2023 }, leader);
    expect(t.figures[0]).toMatchObject({ trained: 1, percent: 33.33, gap: 61.67 });
    expect(t.figures[1]).toMatchObject({ id: 'T2', eligible: 1, trained: 1, percent: 100, met: true, missing: [] });
    await app.call('settings.update', { trainingTargets: { advisingPercent: 30, oneStopPercent: 90 } }, leader);
    expect((await app.call('training.targets', { year: 2023 }, leader)).figures[0]).toMatchObject({ threshold: 30, met: true });
  });
});
