// The view of an opened package (verifyView): the criteria tree flattened in tree order with
// depths (whatever order package.json lists them in), evidence marked by whether the verified
// manifest lists it, exam results carried through, and nothing of the content for a package that
// did not verify.
import { describe, expect, it } from 'vitest';
import { verifyView } from '../../main/services/submission/package-view';
import type { VerifyReport } from '../../main/services/package-format';
import { assessmentPackage, examPackage } from '../../shared/package-schema';
import { verifyView as verifyViewSchema } from '../../shared/api/package-api-schemas';

const H = 'a'.repeat(64);
const report = (ok: boolean, paths: string[]): VerifyReport => ({
  ok,
  problems: ok ? [] : [{ check: 'payload-hash', file: 'data/package.json', message: 'sai mã băm' }],
  bagName: 'KC-2023-X',
  bagInfo: {},
  signer: null,
  signerCertificatePem: null,
  signingTime: null,
  payload: paths.map((path) => ({ path, size: 10, sha256: H })),
});
const common = {
  format: 'kiemchung-package',
  schemaVersion: 1,
  generatedAt: '2023-10-01T00:00:00Z',
  app: { name: 'Kiểm Chứng', version: '1' },
  office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' },
  signedBy: { holder: 'UBND xã Phú Thượng', fingerprint: 'ab' },
} as const;
const item = (points: number | null, evidence: string[] = []) => ({
  points,
  notApplicable: points === null,
  naReason: points === null ? 'Không phát sinh văn bản' : null,
  explanation: 'Giải trình',
  status: 'approved',
  reviewComment: null,
  assignee: 'Lê Thị Hương',
  updatedBy: null,
  updatedAt: '2023-09-01T00:00:00Z',
  evidence: evidence.map((p) => ({
    fileName: p
      .split('/')
      .pop()!
      .replace(/\.pdf$/, ''),
    path: p,
    sha256: H,
    size: 10,
    mediaType: 'application/pdf',
    pdfSigned: true,
    docNumber: '05/KH-UBND',
    docDate: '2023-01-10',
    summary: 'KH',
    originalName: 'kh.pdf',
  })),
});
const assessment = assessmentPackage.parse({
  ...common,
  kind: 'assessment',
  assessment: { year: 2023, opensAt: '', closesAt: '', status: 'open', sentAt: null },
  criteriaSet: { name: 'Bộ tiêu chí', decision: null, province: null, year: 2023, totalMax: 4 },
  // Children listed before their parents: the view puts each node right after its parent.
  criteria: [
    { code: '2.1', parentCode: '2', title: 'B1', maxPoints: 0.5, isLeaf: true, total: null, item: item(null) },
    {
      code: '1.1.a',
      parentCode: '1.1',
      title: 'A1a',
      maxPoints: 1.5,
      isLeaf: true,
      total: null,
      item: item(1.5, ['data/evidence/1.1.a/x.pdf', 'data/evidence/1.1.a/missing.pdf']),
    },
    { code: '1', parentCode: null, title: 'A', maxPoints: 3, isLeaf: false, total: { points: 2.5, applicableMax: 3 }, item: null },
    { code: '1.1', parentCode: '1', title: 'A1', maxPoints: 3, isLeaf: false, total: { points: 2.5, applicableMax: 3 }, item: null },
    { code: '2', parentCode: null, title: 'B', maxPoints: 1, isLeaf: false, total: { points: 0, applicableMax: 0 }, item: null },
  ],
  totals: { points: 2.5, applicableMax: 3, percent: 83.33, band: 'Tốt' },
});

describe('verifyView', () => {
  it('flattens the criteria tree in tree order with depths, and marks evidence missing from the manifest', () => {
    const v = verifyView(
      { report: report(true, ['data/package.json', 'data/summary.pdf', 'data/evidence/1.1.a/x.pdf']), content: assessment },
      { packageKey: H, fileName: 'goi.zip' },
    );
    expect(verifyViewSchema.parse(v)).toEqual(v);
    expect(v.content!.criteria.map((c) => [c.code, c.depth])).toEqual([
      ['1', 0],
      ['1.1', 1],
      ['1.1.a', 2],
      ['2', 0],
      ['2.1', 1],
    ]);
    const leaf = v.content!.criteria.find((c) => c.code === '1.1.a')!;
    expect(leaf.item!.evidence.map((e) => e.inPackage)).toEqual([true, false]);
    expect(leaf.item!.statusLabel).toBe('Đã duyệt');
    expect(v.content!.criteria.find((c) => c.code === '2.1')!.item).toMatchObject({ notApplicable: true, naReason: 'Không phát sinh văn bản' });
    expect(v).toMatchObject({ packageKey: H, kind: 'assessment', exam: null, contentError: null, documents: [{ path: 'data/summary.pdf', size: 10 }] });
  });

  it('carries an exam round’s results, tallies and incidents', () => {
    const exam = examPackage.parse({
      ...common,
      kind: 'exam',
      round: { id: 1, name: 'Đợt 1/2023', examDate: '2023-10-05', venue: 'Hội trường huyện', district: 'Võ Nhai' },
      people: [
        {
          fullName: 'Nguyễn Văn A',
          positionTitle: 'Văn phòng - thống kê',
          commune: 'Phú Thượng',
          steps: [{ step: 1, result: 'dat', codes: ['A1'], finishedAt: null, note: null }],
          passed: true,
        },
      ],
      communes: [{ commune: 'Phú Thượng', people: 1, passed: 1, failed: 0, pending: 0 }],
      totals: { people: 1, passed: 1, failed: 0, pending: 0 },
      teams: [
        {
          commune: 'Phú Thượng',
          steps: [
            {
              step: 1,
              name: 'Đăng nhập',
              startedAt: null,
              deadlineAt: null,
              endedAt: null,
              endedBy: null,
              failed: false,
              incidents: [{ at: '2023-10-05T02:00:00Z', kind: 'internet', description: 'Mất mạng 2 phút' }],
              overrides: [],
            },
          ],
        },
      ],
      clockEvents: [],
    });
    const v = verifyView({ report: report(true, ['data/package.json']), content: exam }, { packageKey: H, fileName: 'thi.zip' });
    expect(verifyViewSchema.parse(v)).toEqual(v);
    expect(v).toMatchObject({
      kind: 'exam',
      content: null,
      exam: {
        office: expect.stringContaining('Phú Thượng'),
        round: { name: 'Đợt 1/2023' },
        totals: { passed: 1 },
        incidents: [{ commune: 'Phú Thượng', step: 1, description: 'Mất mạng 2 phút' }],
      },
    });
    expect(v.exam!.people[0]!.steps[0]!.codes).toEqual(['A1']);
  });

  it('shows nothing of the content, and no key, for a package that did not verify', () => {
    const v = verifyView({ report: report(false, ['data/package.json']), content: assessment }, { packageKey: H, fileName: 'x.zip' });
    expect(v).toMatchObject({ ok: false, packageKey: null, content: null, exam: null, kind: null, documents: [] });
  });
});
