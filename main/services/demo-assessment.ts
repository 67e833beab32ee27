// Demo: a half-finished self-assessment on the sample criteria set — some items done, some
// returned, some approved, evidence attached — with a window open around "now" so it can be used.
// The commune's own documents are PDFs it signed digitally (doc 001); names follow the convention.
import { Readable } from 'node:stream';
import type { Services, Actor } from './context';
import { findUserByUsername, parseRoles } from './users';
import { importSampleSet } from './assessment/criteria-sets';
import { createAssessment, assign } from './assessment/assessments';
import { updateItem, markDone, approve, returnItem } from './assessment/items';
import { attachUpload } from './assessment/evidence';
import { makeDemoPdf, makeDemoPng } from './demo-files';
import { itemViews } from './assessment/views';

/** A demo user as the actor of what the demo does in their name (demo-appraisal.ts too). */
export const actorFor = (s: Services, username: string): Actor => {
  const u = findUserByUsername(s, username)!;
  return { id: u.id, name: u.full_name, roles: parseRoles(u.roles) };
};

async function attach(
  s: Services,
  actor: Actor,
  itemId: number,
  name: string,
  bytes: Buffer,
  meta: { docNumber: string | null; summary: string; docDate: string | null; fileName: string },
) {
  const up = await s.uploads.receive(Readable.from([bytes]), name, actor.id!);
  return attachUpload(s, actor, { itemId, uploadId: up.id, ...meta });
}

export async function createDemoAssessment(s: Services): Promise<{ year: number }> {
  const leader = actorFor(s, 'chutich');
  const set = await importSampleSet(s, leader);
  const now = s.clock.now();
  const year = new Date(now).getUTCFullYear();
  const a = createAssessment(s, leader, { year, setId: set.id, opensAt: now - 7 * 86_400_000, closesAt: now + 21 * 86_400_000 });
  // Areas to officers by their work, as a commune would split them.
  const plan: [string[], string][] = [
    [['1', '5'], 'vanphong'],
    [['2'], 'tuphap'],
    [['3'], 'vanphong'],
    [['4'], 'phochutich'],
    [['6', '8'], 'taichinh'],
    [['7'], 'diachinh'],
  ];
  for (const [codes, who] of plan) assign(s, leader, { assessmentId: a.id, codes, assigneeId: actorFor(s, who).id });

  const items = new Map(itemViews(s, a.id).map((i) => [i.criterionCode, i]));
  // The commune's documents carry its digital signature, as doc 001 requires of evidence it issues.
  const { createSelfSignedIdentity } = await import('./package-format/keys');
  const { signPdf } = await import('./package-format/pades');
  const signer = await createSelfSignedIdentity({
    commonName: 'UBND xã Phú Thượng',
    organization: 'Ủy ban nhân dân xã Phú Thượng',
    locality: 'huyện Võ Nhai',
    province: 'Thái Nguyên',
    now,
  });
  const signed = async (lines: string[]) =>
    signPdf(await makeDemoPdf(lines), signer, { reason: 'Ban hành', location: 'Phú Thượng', name: 'UBND xã Phú Thượng' });
  const vp = actorFor(s, 'vanphong');
  const tp = actorFor(s, 'tuphap');
  // 1.1: done and approved, with a PDF report.
  const i11 = items.get('1.1')!;
  updateItem(s, vp, {
    itemId: i11.id,
    points: 2,
    explanation: 'Kế hoạch CCHC năm ban hành đúng hạn (KH số 05/KH-UBND ngày 10/01), có phân công cụ thể; kết quả thực hiện tại Báo cáo số 120/BC-UBND.',
  });
  await attach(s, vp, i11.id, 'KH 05 CCHC.pdf', await signed(['ỦY BAN NHÂN DÂN XÃ PHÚ THƯỢNG', 'Số: 05/KH-UBND', 'KẾ HOẠCH Cải cách hành chính năm ' + year]), {
    docNumber: '05/KH-UBND',
    docDate: `${year}-01-10`,
    summary: 'Kế hoạch CCHC năm ' + year,
    fileName: `1.1_so 05KH-UBND_KH CCHC nam ${year}`,
  });
  markDone(s, vp, i11.id);
  approve(s, leader, i11.id);
  // 1.2: done, waiting for review.
  const i12 = items.get('1.2')!;
  updateItem(s, vp, { itemId: i12.id, points: 1, explanation: 'Đủ 4 báo cáo CCHC định kỳ (quý I, 6 tháng, quý III, năm), gửi đúng hạn.' });
  await attach(s, vp, i12.id, 'BC 25 quy I.pdf', await signed(['ỦY BAN NHÂN DÂN XÃ PHÚ THƯỢNG', 'Số: 25/BC-UBND', 'BÁO CÁO Công tác CCHC quý I/' + year]), {
    docNumber: '25/BC-UBND',
    docDate: `${year}-03-25`,
    summary: `Báo cáo CCHC quý I/${year}`,
    fileName: `1.2_so 25BC-UBND_BC CCHC quy I.${year}`,
  });
  markDone(s, vp, i12.id);
  // 2.1: returned by the leader with a comment.
  const i21 = items.get('2.1')!;
  updateItem(s, tp, {
    itemId: i21.id,
    points: 0.5,
    explanation: 'Ban hành văn bản đúng thẩm quyền; ảnh niêm yết Thông báo số 12/TB-UBND tại trụ sở UBND xã (tệp đính kèm).',
  });
  await attach(s, tp, i21.id, 'anh niem yet.png', makeDemoPng(), {
    docNumber: '12/TB-UBND',
    docDate: null,
    summary: 'Ảnh niêm yết văn bản tại trụ sở',
    fileName: '2.1_so 12TB-UBND_Anh niem yet van ban tai tru so',
  });
  markDone(s, tp, i21.id);
  returnItem(s, leader, i21.id, 'Cần ghi rõ số, ngày của các nghị quyết, quyết định đã ban hành và đính kèm bản PDF có chữ ký số.');
  // 2.2: in progress (score only).
  updateItem(s, tp, { itemId: items.get('2.2')!.id, points: 1.5 });
  return { year };
}
