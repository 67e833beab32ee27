// The item editor's autosave: typed values are kept as a local draft (so nothing typed is lost on
// a crash or a closed window), saved 700 ms after the last keystroke, on leaving, and restored
// and saved when the editor opens again.
import { useEffect, useRef, useState } from 'react';
import { call, ClientError } from '../../api/client';
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

export function useAutosave(item: ItemView, editable: boolean, onChange: (c: Change) => void) {
  const [draft, setDraft] = useState<Draft>(() => fromItem(item));
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string; field?: string; at?: number }>({
    kind: 'idle',
  });
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
      });
      saved.current = d;
      if (sameDraft(latest.current, d)) localStorage.removeItem(draftKey(item.id));
      setState({ kind: 'saved', at: Date.now() });
      onChange(c);
    } catch (e) {
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
    setDraft(saved.current);
  };
  return { draft, update, save, state, restored, reset };
}
