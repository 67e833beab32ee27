import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import type { Settings } from '../../shared/api/schemas';

import { DEFAULT_RATING_BANDS } from '../domain/scoring';
import { DEFAULT_TARGETS } from '../domain/training-targets';

export const DEFAULT_SETTINGS: Settings = {
  lockAfterMinutes: 15,
  maxEvidenceMB: 50,
  ratingBands: DEFAULT_RATING_BANDS.map((b) => ({ ...b })),
  // Document 003 says "trước 05 ngày" without saying which days: calendar days, as any time limit in
  // days is counted unless it says "ngày làm việc"; the office may switch (Kiểm tra CCHC → Cài đặt).
  inspectionDue: { days: 5, kind: 'calendar' },
  trainingTargets: { ...DEFAULT_TARGETS },
};

export function getSettings(s: Services): Settings {
  const rows = s.db.all(s.db.q.selectFrom('settings').selectAll());
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return { ...DEFAULT_SETTINGS, ...stored };
}

export function updateSettings(s: Services, actor: Actor, patch: Partial<Settings>): Settings {
  return s.db.tx((w) => {
    const before = getSettings(s);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      s.db.run(
        s.db.q
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })),
      );
    }
    const after = getSettings(s);
    appendAudit(w, s, actor, { action: 'settings.update', entity: 'settings', before, after });
    return after;
  });
}
