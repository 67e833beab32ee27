import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import type { Settings } from '../../shared/api/schemas';

import { DEFAULT_RATING_BANDS } from '../domain/scoring';

export const DEFAULT_SETTINGS: Settings = { lockAfterMinutes: 15, maxEvidenceMB: 50, ratingBands: DEFAULT_RATING_BANDS.map((b) => ({ ...b })) };

export function getSettings(s: Services): Settings {
  const rows = s.db.all(s.db.q.selectFrom('settings').selectAll());
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return { ...DEFAULT_SETTINGS, ...stored };
}

export function updateSettings(s: Services, actor: Actor, patch: Partial<Settings>): Settings {
  return s.db.tx(() => {
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
    appendAudit(s, actor, { action: 'settings.update', entity: 'settings', before, after });
    return after;
  });
}
