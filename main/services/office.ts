import type { Services, Actor } from './context';
import { SYSTEM_ACTOR } from './context';
import { appendAudit } from './audit';
import { hashPassword } from './passwords';
import { insertUser } from './users';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { Office } from '../../shared/api/schemas';
import type { OfficeKind } from '../../shared/office';

export interface OfficeInput {
  province: string;
  district: string;
  commune: string;
  kind: OfficeKind;
}

export function getOffice(s: Services): Office | null {
  const row = s.db.first(s.db.q.selectFrom('office').selectAll().where('id', '=', 1));
  if (!row) return null;
  return { province: row.province, district: row.district, commune: row.commune, kind: row.kind, createdAt: row.created_at };
}

export function requireOffice(s: Services): Office {
  const o = getOffice(s);
  if (!o) throw new ApiError('NOT_SET_UP', vi.errors.notSetUp);
  return o;
}

/** First run: the office and its first leader, in one transaction. */
export async function setupOffice(
  s: Services,
  input: { office: OfficeInput; leader: { fullName: string; position: string; username: string; password: string } },
): Promise<Office> {
  if (getOffice(s)) throw new ApiError('ALREADY_SET_UP', vi.errors.alreadySetUp);
  const hash = await hashPassword(input.leader.password);
  return s.db.tx((w) => {
    if (getOffice(s)) throw new ApiError('ALREADY_SET_UP', vi.errors.alreadySetUp);
    const now = s.clock.now();
    s.db.run(s.db.q.insertInto('office').values({ id: 1, ...input.office, created_at: now, updated_at: now }));
    appendAudit(w, s, SYSTEM_ACTOR, { action: 'office.setup', entity: 'office', entityId: 1, after: input.office });
    insertUser(w, s, SYSTEM_ACTOR, { ...input.leader, roles: ['leader', 'admin'] }, hash);
    return requireOffice(s);
  });
}

export function updateOffice(s: Services, actor: Actor, input: OfficeInput): Office {
  return s.db.tx((w) => {
    const before = requireOffice(s);
    s.db.run(
      s.db.q
        .updateTable('office')
        .set({ ...input, updated_at: s.clock.now() })
        .where('id', '=', 1),
    );
    const { createdAt: _c, ...beforeView } = before;
    appendAudit(w, s, actor, { action: 'office.update', entity: 'office', entityId: 1, before: beforeView, after: input });
    return requireOffice(s);
  });
}
