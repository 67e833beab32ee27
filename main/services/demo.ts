// Demo data: a sample commune with its leader and officers, so a newcomer sees a living app.
// The accounts and password are returned to be printed; nothing is defaulted silently.
import type { Services } from './context';
import { SYSTEM_ACTOR } from './context';
import { setupOffice, getOffice } from './office';
import { createUser, findUserByUsername } from './users';
import type { Role } from '../../shared/office';
import { createDemoAssessment } from './demo-assessment';
import { createDemoExam } from './demo-exam';
import { createDemoAppraisal } from './demo-appraisal';

export const DEMO_PASSWORD = 'demo-kiemchung';

export interface DemoAccount {
  username: string;
  fullName: string;
  position: string;
  roles: Role[];
}

const LEADER: DemoAccount = { username: 'chutich', fullName: 'Nguyễn Văn Hùng', position: 'Chủ tịch', roles: ['leader', 'admin'] };
const OFFICERS: DemoAccount[] = [
  { username: 'phochutich', fullName: 'Trần Thị Lan', position: 'Phó Chủ tịch', roles: ['leader'] },
  { username: 'vanphong', fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', roles: ['officer'] },
  { username: 'tuphap', fullName: 'Phạm Văn Đức', position: 'Tư pháp - Hộ tịch', roles: ['officer'] },
  { username: 'taichinh', fullName: 'Hoàng Thị Mai', position: 'Tài chính - Kế toán', roles: ['officer'] },
  { username: 'vanhoa', fullName: 'Đỗ Văn Thắng', position: 'Văn hóa - Xã hội', roles: ['officer'] },
  { username: 'diachinh', fullName: 'Vũ Quốc Khánh', position: 'Địa chính - Nông nghiệp - Xây dựng và Môi trường', roles: ['officer'] },
  { username: 'giamkhao', fullName: 'Ngô Thanh Bình', position: 'Công chức khác', roles: ['proctor'] },
];

export async function createDemo(
  s: Services,
  password = DEMO_PASSWORD,
): Promise<{ accounts: DemoAccount[]; password: string; year: number; roundName: string }> {
  if (getOffice(s)) throw new Error('Thư mục dữ liệu này đã có đơn vị; dữ liệu mẫu chỉ tạo trong thư mục trống.');
  await setupOffice(s, {
    office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' },
    leader: { fullName: LEADER.fullName, position: LEADER.position, username: LEADER.username, password },
  });
  const leader = findUserByUsername(s, LEADER.username);
  const actor = leader ? { id: leader.id, name: leader.full_name, roles: LEADER.roles } : SYSTEM_ACTOR;
  for (const o of OFFICERS) await createUser(s, actor, { ...o, password });
  const { year } = await createDemoAssessment(s);
  // Last year, sent and appraised, with its improvement plan partly done (issue 10).
  const sample = s.db.first(s.db.q.selectFrom('assessment').select('set_id').where('year', '=', year))!;
  createDemoAppraisal(s, sample.set_id, year - 1);
  const proctor = findUserByUsername(s, 'giamkhao')!;
  const { roundName } = createDemoExam(s, { id: proctor.id, name: proctor.full_name, roles: ['proctor'] });
  return { accounts: [LEADER, ...OFFICERS], password, year, roundName };
}
