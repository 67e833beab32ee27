// Evidence belongs to its criterion and its year: an officer sees and reuses only documents of
// criteria they are assigned (leaders: all, across years); a document's number, date and summary
// belong to each criterion's link (never silently dropped or changed elsewhere, never inside a
// closed year); and any change to an approved criterion sends it back to review — through the
// real router on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, setUpOffice, LEADER, type TestApp } from '../helpers/services';
import { importSmallSet, uploadBytes, OPENS, CLOSES } from '../helpers/assessment';
import { makeDemoPdf } from '../../main/services/demo-files';

let app: TestApp;
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const YEAR = 365 * 86_400_000;
const meta = (docNumber: string, summary: string) => ({ docNumber, docDate: '2023-03-31', summary });

async function office(at = OPENS + 86_400_000) {
  app = openTestApp();
  app.clock.set(at); // the trusted clock never goes back: a test that needs last year starts there
  const leader = await setUpOffice(app);
  const people: Record<string, { id: number; token: string }> = {};
  for (const u of ['lan', 'nam']) {
    const p = await app.call(
      'users.create',
      { fullName: `Cán bộ ${u}`, position: 'Văn phòng - Thống kê', username: u, password: `${u}-mat-khau`, roles: ['officer'] },
      leader,
    );
    people[u] = { id: p.id, token: (await app.call('auth.login', { username: u, password: `${u}-mat-khau` })).token };
  }
  const setId = await importSmallSet(app, leader);
  return { leader, lan: people['lan']!, nam: people['nam']!, setId };
}

async function assessment(leader: string, setId: number, year: number, opensAt: number, closesAt: number) {
  const a = await app.call('assessment.create', { year, setId, opensAt, closesAt }, leader);
  const items = (await app.call('assessment.get', { assessmentId: a.id }, leader)).items;
  return { id: a.id, item: (code: string) => items.find((i) => i.criterionCode === code)!.id };
}

const evidenceOf = async (token: string, assessmentId: number, code: string) =>
  (await app.call('assessment.get', { assessmentId }, token)).items.find((i) => i.criterionCode === code)!.evidence;

describe('who may see and reuse a document', () => {
  it('an officer sees only documents of their criteria, and cannot link someone else’s', async () => {
    const { leader, lan, nam, setId } = await office();
    const a = await assessment(leader, setId, 2023, OPENS, CLOSES);
    await app.call('assessment.assign', { assessmentId: a.id, codes: ['1'], assigneeId: lan.id }, leader);
    await app.call('assessment.assign', { assessmentId: a.id, codes: ['2'], assigneeId: nam.id }, leader);
    const pdf = await makeDemoPdf(['Báo cáo số 25/BC-UBND']);
    const up = await uploadBytes(app, nam.token, 'bc.pdf', pdf);
    await app.call(
      'evidence.attach',
      { itemId: a.item('2.1'), uploadId: up, fileName: '2.1_so 25BC-UBND_BC cong khai TTHC', ...meta('25/BC-UBND', 'BC công khai TTHC') },
      nam.token,
    );
    const [doc] = await app.call('evidence.documents', { assessmentId: a.id }, nam.token);

    expect(await app.call('evidence.documents', { assessmentId: a.id }, lan.token)).toEqual([]);
    const refused = await app.fail('evidence.link', { itemId: a.item('1.1'), sha256: doc!.sha256, fileName: '1.1_so 25BC-UBND_BC' }, lan.token);
    expect(refused).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/./) });
    // The same answer as for a document that does not exist at all.
    const none = await app.fail('evidence.link', { itemId: a.item('1.1'), sha256: 'f'.repeat(64), fileName: '1.1_so 25BC-UBND_BC' }, lan.token);
    expect(none).toEqual(refused);
    expect(await evidenceOf(leader, a.id, '1.1')).toEqual([]);

    // Nam reuses it for another of his criteria: the words come along unless he gives others.
    await app.call('evidence.link', { itemId: a.item('2.2.1'), sha256: doc!.sha256, fileName: '2.2.1_so 25BC-UBND_BC cong khai' }, nam.token);
    expect((await evidenceOf(nam.token, a.id, '2.2.1'))[0]).toMatchObject({ docNumber: '25/BC-UBND', summary: 'BC công khai TTHC' });
  });

  it('reuse across years is a leader’s: an officer cannot pull a document of last year', async () => {
    const { leader, lan, setId } = await office(OPENS - YEAR + 86_400_000);
    const last = await assessment(leader, setId, 2022, OPENS - YEAR, CLOSES - YEAR);
    await app.call('assessment.assign', { assessmentId: last.id, codes: ['1'], assigneeId: lan.id }, leader);
    const up = await uploadBytes(app, lan.token, 'kh.pdf', await makeDemoPdf(['Kế hoạch CCHC 2022']));
    await app.call(
      'evidence.attach',
      { itemId: last.item('1.1'), uploadId: up, fileName: '1.1_so 10KH-UBND_KH CCHC 2022', ...meta('10/KH-UBND', 'KH CCHC 2022') },
      lan.token,
    );
    const sha = (await app.call('evidence.documents', { assessmentId: last.id }, lan.token))[0]!.sha256;

    app.clock.set(OPENS + 86_400_000); // a year later: the sessions have locked meanwhile
    await app.call('auth.unlock', { password: LEADER.password }, leader);
    await app.call('auth.unlock', { password: 'lan-mat-khau' }, lan.token);
    const now = await assessment(leader, setId, 2023, OPENS, CLOSES);
    await app.call('assessment.assign', { assessmentId: now.id, codes: ['1'], assigneeId: lan.id }, leader);
    expect((await app.fail('evidence.link', { itemId: now.item('1.1'), sha256: sha, fileName: '1.1_so 10KH-UBND_KH CCHC' }, lan.token)).code).toBe('NOT_FOUND');
    await app.call('evidence.link', { itemId: now.item('1.1'), sha256: sha, fileName: '1.1_so 10KH-UBND_KH CCHC' }, leader);
    expect(await evidenceOf(lan.token, now.id, '1.1')).toHaveLength(1);
  });
});

describe('a document’s words belong to each criterion', () => {
  it('the same file uploaded again under another criterion keeps the words typed there', async () => {
    const { leader, setId } = await office();
    const a = await assessment(leader, setId, 2023, OPENS, CLOSES);
    const pdf = await makeDemoPdf(['Báo cáo số 25/BC-UBND']);
    await app.call(
      'evidence.attach',
      {
        itemId: a.item('1.1'),
        uploadId: await uploadBytes(app, leader, 'a.pdf', pdf),
        fileName: '1.1_so 25BC-UBND_BC quy I',
        ...meta('25/BC-UBND', 'BC quý I'),
      },
      leader,
    );
    await app.call(
      'evidence.attach',
      { itemId: a.item('1.2'), uploadId: await uploadBytes(app, leader, 'b.pdf', pdf), fileName: '1.2_so 26BC-UBND_BC CCHC', ...meta('26/BC-UBND', 'BC CCHC') },
      leader,
    );
    expect((await evidenceOf(leader, a.id, '1.1'))[0]).toMatchObject({ docNumber: '25/BC-UBND', summary: 'BC quý I' });
    expect((await evidenceOf(leader, a.id, '1.2'))[0]).toMatchObject({ docNumber: '26/BC-UBND', summary: 'BC CCHC' });
  });

  it('editing a link changes only that link — never the same file inside a closed year — and a closed year’s link is read-only', async () => {
    const { leader, setId } = await office(OPENS - YEAR + 86_400_000);
    const last = await assessment(leader, setId, 2022, OPENS - YEAR, CLOSES - YEAR);
    const pdf = await makeDemoPdf(['Kế hoạch số 10/KH-UBND']);
    await app.call(
      'evidence.attach',
      {
        itemId: last.item('1.1'),
        uploadId: await uploadBytes(app, leader, 'kh.pdf', pdf),
        fileName: '1.1_so 10KH-UBND_KH CCHC 2022',
        ...meta('10/KH-UBND', 'KH CCHC 2022'),
      },
      leader,
    );
    const sha = (await app.call('evidence.documents', { assessmentId: last.id }, leader))[0]!.sha256;

    app.clock.set(OPENS + 86_400_000);
    await app.call('auth.unlock', { password: LEADER.password }, leader);
    const now = await assessment(leader, setId, 2023, OPENS, CLOSES);
    await app.call('evidence.link', { itemId: now.item('1.1'), sha256: sha, fileName: '1.1_so 10KH-UBND_KH CCHC' }, leader);
    const link = (await evidenceOf(leader, now.id, '1.1'))[0]!;
    await app.call('evidence.update', { linkId: link.linkId, fileName: '1.1_so 12KH-UBND_KH CCHC 2023', ...meta('12/KH-UBND', 'KH CCHC 2023') }, leader);
    expect((await evidenceOf(leader, last.id, '1.1'))[0]).toMatchObject({
      docNumber: '10/KH-UBND',
      summary: 'KH CCHC 2022',
      fileName: '1.1_so 10KH-UBND_KH CCHC 2022',
    });

    const oldLink = (await evidenceOf(leader, last.id, '1.1'))[0]!;
    const closed = await app.fail('evidence.update', { linkId: oldLink.linkId, fileName: oldLink.fileName, ...meta('99/KH-UBND', 'sửa') }, leader);
    expect(closed.code).toBe('DEADLINE');
    expect((await app.fail('evidence.remove', { linkId: oldLink.linkId }, leader)).code).toBe('DEADLINE');
    expect((await evidenceOf(leader, last.id, '1.1'))[0]).toMatchObject({ docNumber: '10/KH-UBND' });
  });
});

describe('an approved criterion that changes goes back to review', () => {
  it('by a new score or new evidence, with the status and the audit saying so', async () => {
    const { leader, setId } = await office();
    const a = await assessment(leader, setId, 2023, OPENS, CLOSES);
    await app.call(
      'item.update',
      { itemId: a.item('1.1'), points: 1, explanation: 'Kế hoạch CCHC năm 2023 ban hành đúng hạn, kèm theo tài liệu số 10/KH-UBND' },
      leader,
    );
    await app.call('item.markDone', { itemId: a.item('1.1') }, leader);
    await app.call('item.approve', { itemId: a.item('1.1') }, leader);

    const changed = await app.call('item.update', { itemId: a.item('1.1'), points: 2 }, leader);
    expect(changed.item.status).toBe('done');
    const audit = await app.call('audit.list', { limit: 1 }, leader);
    expect(audit.entries[0]).toMatchObject({ action: 'item.update', before: { status: 'approved' }, after: { status: 'done', points: 2 } });

    await app.call('item.approve', { itemId: a.item('1.1') }, leader);
    const up = await uploadBytes(app, leader, 'kh.pdf', await makeDemoPdf(['Kế hoạch số 10/KH-UBND']));
    const withDoc = await app.call(
      'evidence.attach',
      { itemId: a.item('1.1'), uploadId: up, fileName: '1.1_so 10KH-UBND_KH CCHC', ...meta('10/KH-UBND', 'KH CCHC') },
      leader,
    );
    expect(withDoc.item.status).toBe('done');
    const actions = (await app.call('audit.list', { limit: 2 }, leader)).entries.map((e) => e.action);
    expect(actions).toEqual(['evidence.attach', 'item.backToReview']);
  });
});
