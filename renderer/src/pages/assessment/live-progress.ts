// The assessment header follows the items as they change: counted from the items on screen (so the
// user's own "Hoàn thành" shows at once) and refreshed when the back end announces a change made
// elsewhere (another officer, the leader approving) on the event stream.
import { useEffect } from 'react';
import { onEvent } from '../../api/client';
import type { AssessmentSummary, ItemView } from '../../../../shared/api/assessment-schemas';

/** The same counts as the back end's summary (main/services/assessment/views.ts summaryOf). */
export function progressOf(items: readonly ItemView[]): AssessmentSummary['progress'] {
  const p = { total: 0, todo: 0, done: 0, returned: 0, approved: 0, unassigned: 0 };
  for (const i of items) {
    p[i.status] += 1;
    p.total += 1;
    if (i.assigneeId === null) p.unassigned += 1;
  }
  return p;
}

/** Reloads (once per burst of changes) when an item of this assessment changed anywhere. */
export function useItemEvents(assessmentId: number, reload: () => void) {
  useEffect(() => {
    let timer: number | undefined;
    const off = onEvent((e) => {
      if (e.type !== 'item' || e.assessmentId !== assessmentId) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(reload, 300);
    });
    return () => {
      window.clearTimeout(timer);
      off();
    };
  }, [assessmentId, reload]);
}
