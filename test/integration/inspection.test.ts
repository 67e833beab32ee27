// The inspection report through the router on a real SQLite file: the record and its due date,
// the outline of a xã with the facts the app pre-fills, documents reused from the evidence library
// under the naming rules, the late-dossier and digitisation rules, and the PDF read by pdftotext.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cleanup, openTestApp, setUpOffice, type TestApp } from '../helpers/services';
import { importSmallSet, uploadBytes, OPENS, CLOSES } from '../helpers/assessment';
import { makeDemoPdf } from '../../main/services/demo-files';
import { buildInspectionPackage } from '../../main/services/inspection/package';
import { verifyPackage } from '../../main/services/package-format/bag-verify';
import { SYSTEM_ACTOR } from '../../main/services/context';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

async function officeWithEvidence() {
  const leader = await setUpOffice(app);
  const setId = await importSmallSet(app, leader);
  const a = await app.call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader);
  const items = (await app.call('assessment.get', { assessmentId: a.id }, leader)).items;
  const item = (code: string) => items.find((i) => i.criterionCode === code)!.id;
  const attach = async (code: string, docNumber: string, summary: string, fileName: string) => {
    const up = await uploadBytes(app, leader, `${code}.pdf`, await makeDemoPdf([`Văn bản số ${docNumber}`, summary]));
    return (await app.call('evidence.attach', { itemId: item(code), uploadId: up, fileName, docNumber, docDate: '2023-01-12', summary }, leader)).item
      .evidence[0]!;
  };
  const plan = await attach('1.1', '05/KH-UBND', 'Kế hoạch CCHC năm 2023', '1.1_so 05KH-UBND_KH CCHC nam 2023');
  await attach('1.2', '7/SNV-CCHC', 'Hướng dẫn của Sở Nội vụ', '1.2_so 7SNV-CCHC_HD cua So Noi vu');
  return { leader, plan };
}

const base = { year: 2023, planNumber: '110/KH-UBND', planDate: '2023-05-26', method: 'scheduled' as const };

describe('inspection record', () => {
  it('computes the due date 5 calendar days before the visit, shows it as upcoming, and follows the office setting', async () => {
    const { leader } = await officeWithEvidence();
    // The test clock is 20/09/2023.
    const d = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    expect(d.inspection).toMatchObject({ dueDate: '2023-09-23', daysLeft: 3, visitPast: false });
    expect(d.warnings).toEqual([]);
    expect((await app.call('inspection.upcoming', {}, leader)).map((i) => i.id)).toEqual([d.inspection.id]);
    await app.call('settings.update', { inspectionDue: { days: 5, kind: 'working' } }, leader);
    // Thursday 28/09 − 5 working days = Thursday 21/09.
    expect((await app.call('inspection.get', { id: d.inspection.id }, leader)).inspection).toMatchObject({ dueDate: '2023-09-21', daysLeft: 1 });
  });

  it('flags a visit date in the past and refuses a scheduled visit without a date', async () => {
    const { leader } = await officeWithEvidence();
    const past = await app.call('inspection.create', { ...base, visitDate: '2023-09-01' }, leader);
    expect(past.inspection.visitPast).toBe(true);
    expect(past.warnings).toEqual(['Ngày Đoàn đến (01/09/2023) đã qua — kiểm tra lại ngày, hoặc đây là đợt đã diễn ra.']);
    expect(await app.call('inspection.upcoming', {}, leader)).toEqual([]);
    const e = await app.fail('inspection.create', { ...base, visitDate: null }, leader);
    expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'visitDate' }] });
    // A surprise inspection has no report due beforehand.
    expect((await app.call('inspection.create', { ...base, method: 'surprise', visitDate: null }, leader)).inspection.dueDate).toBeNull();
  });
});

describe('the report', () => {
  it('drafts the xã outline with the facts it knows, marked as pre-filled until edited', async () => {
    const { leader } = await officeWithEvidence();
    const d = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    const line = (key: string) => d.lines.find((l) => l.kind === 'item' && l.key === key)!;
    const i11 = line('I.1.1');
    expect(i11).toMatchObject({ prefilled: true });
    expect(i11.kind === 'item' && i11.text).toContain('- Số 05/KH-UBND ngày 12/01/2023: Kế hoạch CCHC năm 2023');
    expect(i11.kind === 'item' && i11.text).not.toContain('7/SNV-CCHC'); // not issued by the commune
    const signed = line('I.2.7.5');
    expect(signed.kind === 'item' && signed.text).toBe('Trong 2 tệp PDF kiểm chứng năm 2023, có 0 tệp có chữ ký số hợp lệ (0%).');
    expect(d.lines.some((l) => l.kind === 'item' && l.prompt.includes('Đối với các cơ quan chuyên môn thành phố'))).toBe(false);
    expect(d.lines.filter((l) => l.kind === 'heading' && l.level === 1).map((l) => l.key)).toEqual(['I', 'II', 'III', 'IV']);

    const after = await app.call('inspection.saveItem', { id: d.inspection.id, key: 'I.1.1', text: 'Đã ban hành Kế hoạch số 05/KH-UBND.' }, leader);
    expect(after.lines.find((l) => l.key === 'I.1.1')).toMatchObject({ text: 'Đã ban hành Kế hoạch số 05/KH-UBND.', prefilled: false });
    expect((await app.fail('inspection.saveItem', { id: d.inspection.id, key: 'I.2.5.1.1', text: 'x' }, leader)).code).toBe('NOT_FOUND');
  });

  it('reuses a library document under the item’s number and the naming rules', async () => {
    const { leader, plan } = await officeWithEvidence();
    const d = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    const lib = await app.call('inspection.library', {}, leader);
    expect(lib.map((x) => x.docNumber).sort()).toEqual(['05/KH-UBND', '7/SNV-CCHC']);
    const bad = await app.fail('inspection.link', { id: d.inspection.id, key: 'I.1.1', sha256: plan.sha256, fileName: 'ke hoach.pdf' }, leader);
    expect(bad).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'fileName' }] });
    expect(bad.message).toContain('I.1.1_');
    const r = await app.call(
      'inspection.link',
      { id: d.inspection.id, key: 'I.1.1', sha256: plan.sha256, fileName: 'I.1.1_so 05KH-UBND_KH CCHC nam 2023.pdf' },
      leader,
    );
    const line = r.lines.find((l) => l.key === 'I.1.1');
    expect(line?.kind === 'item' && line.documents.map((x) => x.fileName)).toEqual(['I.1.1_so 05KH-UBND_KH CCHC nam 2023']);
    expect(
      (await app.fail('inspection.link', { id: d.inspection.id, key: 'I.1.1', sha256: plan.sha256, fileName: 'I.1.1_so 05KH-UBND_Ban khac' }, leader)).code,
    ).toBe('CONFLICT');
  });

  it('checks one apology per late dossier and the digitised share of incoming documents', async () => {
    const { leader } = await officeWithEvidence();
    const { inspection } = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    const bad = await app.fail(
      'inspection.setLate',
      { id: inspection.id, lines: 'HS-001; 12/TB-UBND; 05/06/2023\nHS-002; 12/TB-UBND; 31/02/2023\n; 13/TB-UBND' },
      leader,
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues?.map((i) => i.message)).toEqual([
      'Dòng 2: ngày "31/02/2023" không hợp lệ (dd/mm/yyyy).',
      'Dòng 3: cần ít nhất mã hồ sơ (ví dụ: HS-0123; 12/TB-UBND; 05/06/2023).',
    ]);
    expect((await app.call('inspection.get', { id: inspection.id }, leader)).late).toEqual([]); // all or nothing
    const d = await app.call(
      'inspection.setLate',
      { id: inspection.id, lines: 'HS-001; 12/TB-UBND; 05/06/2023\nHS-002; 12/TB-UBND\nHS-003; 14/TB-UBND\nHS-004' },
      leader,
    );
    expect(d.late).toHaveLength(4);
    expect(d.lateProblems).toEqual([
      expect.stringMatching(/^Hồ sơ HS-001: văn bản xin lỗi 12\/TB-UBND dùng chung cho cả HS-002/),
      expect.stringMatching(/^Hồ sơ HS-002: văn bản xin lỗi 12\/TB-UBND dùng chung cho cả HS-001/),
      'Hồ sơ HS-004: chưa có văn bản xin lỗi.',
    ]);
    const upd = { id: inspection.id, ...base, visitDate: '2023-09-28' };
    const w = await app.call('inspection.update', { ...upd, incomingTotal: 400, incomingDigitised: 387 }, leader);
    expect(w.incomingPercent).toBe(96.75);
    expect(w.incomingWarning).toBe('Mới đạt 96,75% — KH 110 yêu cầu 100% văn bản đến được số hóa (ký SAO Y) trước khi đưa lên hệ thống eGov.');
    expect((await app.call('inspection.update', { ...upd, incomingTotal: 400, incomingDigitised: 400 }, leader)).incomingWarning).toBeNull();
    expect(await app.fail('inspection.update', { ...upd, incomingTotal: 10, incomingDigitised: 11 }, leader)).toMatchObject({
      issues: [{ path: 'incomingDigitised' }],
    });
  });

  it('exports a PDF whose Vietnamese reads back with pdftotext: heading, numbering, documents, signature', async () => {
    const { leader, plan } = await officeWithEvidence();
    const { inspection } = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    await app.call('inspection.saveItem', { id: inspection.id, key: 'I.2.1.1', text: 'Tuyên truyền qua loa truyền thanh xã, 24 tin bài.' }, leader);
    await app.call('inspection.link', { id: inspection.id, key: 'I.2.1.1', sha256: plan.sha256, fileName: 'I.2.1.1_so 05KH-UBND_KH tuyen truyen' }, leader);
    const ref = await app.call('inspection.export', { id: inspection.id, format: 'pdf' }, leader);
    expect(ref.fileName).toBe('Bao cao kiem tra CCHC 2023.pdf');
    const text = execFileSync('pdftotext', [app.s.files.get(ref.fileId)!.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND XÃ PHÚ THƯỢNG',
      'Phú Thượng, ngày 20 tháng 9 năm 2023',
      'Phục vụ Đoàn kiểm tra cải cách hành chính, chính quyền điện tử năm 2023',
      '(Theo Kế hoạch số 110/KH-UBND ngày 26/05/2023)',
      'I. KẾT QUẢ THỰC HIỆN',
      'I.2.1.1. Các hình thức tuyên truyền',
      'Tuyên truyền qua loa truyền thanh xã, 24 tin bài.',
      'I.2.1.1_so 05KH-UBND_KH tuyen truyen',
      'IV. CÁC PHỤ LỤC (nếu có).',
      'TM. ỦY BAN NHÂN DÂN',
      'Nguyễn Văn Hùng',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Đối với các cơ quan chuyên môn thành phố');
  });

  it('packs the report into a signed BagIt package of kind "inspection" that verifies, with its documents under the item numbers', async () => {
    const { leader, plan } = await officeWithEvidence();
    await app.call('keys.create', { passphrase: 'khoa-ky-rat-manh' }, leader);
    const { inspection } = await app.call('inspection.create', { ...base, visitDate: '2023-09-28' }, leader);
    await app.call('inspection.link', { id: inspection.id, key: 'I.1.1', sha256: plan.sha256, fileName: 'I.1.1_so 05KH-UBND_KH CCHC nam 2023' }, leader);
    const built = await buildInspectionPackage(app.s, SYSTEM_ACTOR, inspection.id, 'khoa-ky-rat-manh');
    const report = await verifyPackage(built.path);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.bagInfo['Kiemchung-Kind']).toBe('inspection');
    expect(report.payload.map((p) => p.path).sort()).toEqual([
      'data/evidence/I.1.1/I.1.1_so 05KH-UBND_KH CCHC nam 2023.pdf',
      'data/package.json',
      'data/report.pdf',
    ]);
    expect(report.payload.find((p) => p.path.startsWith('data/evidence/'))!.sha256).toBe(plan.sha256);
    // The screen's way: the same package offered for download, refused without the passphrase.
    expect((await app.fail('inspection.buildPackage', { id: inspection.id }, leader)).code).not.toBe('INTERNAL');
    const ref = await app.call('inspection.buildPackage', { id: inspection.id, passphrase: 'khoa-ky-rat-manh' }, leader);
    expect(ref).toMatchObject({ mediaType: 'application/zip', fileName: expect.stringMatching(/^KC-2023-PhuThuong-KT-1-\d{8}T\d{6}\.zip$/) });
    expect((await verifyPackage(app.s.files.get(ref.fileId)!.path)).ok).toBe(true);
  });
});
