// The item editor's autosave: typed values are kept as a local draft (so nothing typed is lost on
// a crash or a closed window), saved 700 ms after the last keystroke, on leaving, and restored
// and saved when the editor opens again. Office network mode: each save names the item's version
// it was based on, so a save over someone else's newer one comes back as a conflict (shown with
// both values, see ConflictPanel) instead of overwriting; a save that finds the server gone is kept
// and sent again as soon as the server answers.
import { useEffect, useRef, useState } from 'react';
import { call, ClientError } from '../../api/client';
import { connection, whenOnline } from '../../api/connection';
import type { Issue } from '../../../../shared/errors';
import { formatPoints, parseDecimal } from '../../../../shared/format';
import type { ItemView, TotalsView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

export type Change = { item: ItemView; totals: TotalsView };

interface Draft {
  points: string;
  notApplicable: boolean;
  naReason: string;
  explanation: string;
}
const draftKey = (id: number) => `kiemchung.draft.${id}`;
const fromItem = (i: ItemView): Draft => ({
  points: i.points === null ? '' : formatPoints(i.points),
  notApplicable: i.notApplicable,
  naReason: i.naReason ?? '',
  explanation: i.explanation,
});
const sameDraft = (a: Draft, b: Draft) =>
  a.points === b.points && a.notApplicable === b.notApplicable && a.naReason === b.naReason && a.explanation === b.explanation;

export interface SaveState {
  kind: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
  message?: string;
  field?: string;
  at?: number;
  /** For a conflict: `saved.<field>` / `yours.<field>` values and `saved.version` (main/services/assessment/item-version.ts). */
  issues?: Issue[];
}

/** `assessmentId`: where to reload the server's copy from after a conflict. */
export function useAutosave(item: ItemView, editable: boolean, onChange: (c: Change) => void, assessmentId?: number) {
  const [draft, setDraft] = useState<Draft>(() => fromItem(item));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(item.version);
  // The same, as state, so the editor can tell when the server's copy has moved past this one.
  const [baseVersion, setBaseVersion] = useState(item.version);
  const setVersion = (v: number) => {
    version.current = v;
    setBaseVersion(v);
  };
  const waiting = useRef(false);
  const [restored, setRestored] = useState(false);
  const saved = useRef<Draft>(fromItem(item));
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(draft);
  latest.current = draft;

  const save = async () => {
    window.clearTimeout(timer.current);
    const d = latest.current;
    if (sameDraft(d, saved.current)) return;
    const points = d.points.trim() === '' ? null : parseDecimal(d.points);
    if (d.points.trim() !== '' && points === null) return setState({ kind: 'error', message: vi.assessmentFields.pointsNumber, field: 'points' });
    setState({ kind: 'saving' });
    try {
      const c = await call('item.update', {
        itemId: item.id,
        ...(d.points !== saved.current.points && { points }),
        ...(d.notApplicable !== saved.current.notApplicable && { notApplicable: d.notApplicable }),
        ...(d.naReason !== saved.current.naReason && { naReason: d.naReason }),
        ...(d.explanation !== saved.current.explanation && { explanation: d.explanation }),
        baseVersion: version.current,
      });
      saved.current = d;
      setVersion(c.item.version);
      if (sameDraft(latest.current, d)) localStorage.removeItem(draftKey(item.id));
      setState({ kind: 'saved', at: Date.now() });
      onChange(c);
    } catch (e) {
      if (e instanceof ClientError && e.code === 'CONFLICT' && e.issues.some((i) => i.path === 'saved.version')) {
        return setState({ kind: 'conflict', message: e.message, issues: e.issues });
      }
      if (!connection.isOnline()) {
        // The draft stays in localStorage; it goes out as soon as the server answers again.
        setState({ kind: 'error', message: vi.officeNetwork.offlineSaving });
        if (!waiting.current) {
          waiting.current = true;
          void whenOnline(() => call('system.info', {})).then(() => {
            waiting.current = false;
            void save();
          });
        }
        return;
      }
      // The field an error is about comes from the back end's issues[].path, never from its wording.
      setState(e instanceof ClientError ? { kind: 'error', message: e.message, field: e.issues[0]?.path } : { kind: 'error', message: vi.errors.internal });
    }
  };

  // A draft left by a crash or a closed window comes back and is saved.
  useEffect(() => {
    const raw = localStorage.getItem(draftKey(item.id));
    if (!raw || !editable) return;
    try {
      const d = JSON.parse(raw) as Draft;
      if (!sameDraft(d, saved.current)) {
        setDraft(d);
        latest.current = d;
        setRestored(true);
        void save();
      } else localStorage.removeItem(draftKey(item.id));
    } catch {
      localStorage.removeItem(draftKey(item.id));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.id]);

  useEffect(() => {
    const flush = () => void save();
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (patch: Partial<Draft>) => {
    const next = { ...latest.current, ...patch };
    setDraft(next);
    latest.current = next;
    localStorage.setItem(draftKey(item.id), JSON.stringify(next));
    setState({ kind: 'idle' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), 700);
  };
  /** After a status change the server's copy is the truth again. */
  const reset = (i: ItemView) => {
    saved.current = fromItem(i);
    latest.current = saved.current;
    setVersion(i.version);
    setDraft(saved.current);
  };
  /** After a conflict: take the server's copy (what the other person saved), dropping what was typed here. */
  const reload = async () => {
    if (assessmentId === undefined) return;
    const fresh = await call('assessment.get', { assessmentId });
    const latestItem = fresh.items.find((x) => x.id === item.id);
    if (!latestItem) return;
    localStorage.removeItem(draftKey(item.id));
    reset(latestItem);
    setState({ kind: 'idle' });
    onChange({ item: latestItem, totals: fresh.totals });
  };
  /** After a conflict, by explicit choice: save what was typed here over the newer copy. */
  const keepMine = async () => {
    const v = Number(state.issues?.find((i) => i.path === 'saved.version')?.message);
    if (Number.isInteger(v)) setVersion(v);
    await save();
  };
  return { draft, update, save, state, restored, reset, reload, keepMine, baseVersion };
}
