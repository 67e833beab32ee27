// Several people at once: what the item editor shows when its copy is no longer the server's —
// another PC saved this criterion (a notice while nothing is typed here; a conflict, with both
// values side by side, when a save was refused). A save that found the server gone is shown by
// the save line and the app's connection banner.
import type { ItemView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import type { SaveState } from './useAutosave';

const t = vi.officeNetwork;

export function ConflictPanel({
  state,
  item,
  baseVersion,
  onReload,
  onKeepMine,
}: {
  state: SaveState;
  item: ItemView;
  baseVersion: number;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  if (state.kind === 'conflict') {
    const issues = state.issues ?? [];
    const fields = issues.filter((i) => i.path.startsWith('saved.') && i.path !== 'saved.version').map((i) => i.path.slice('saved.'.length));
    const value = (side: 'saved' | 'yours', f: string) => issues.find((i) => i.path === `${side}.${f}`)?.message ?? '';
    return (
      <div className="alert alert--error conflict" role="alert">
        <strong>{state.message}</strong>
        <table className="table" aria-label={t.conflictTitle}>
          <thead>
            <tr>
              <th />
              <th>{t.conflictSaved}</th>
              <th>{t.conflictYours}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <th scope="row">{t.conflictField[f] ?? f}</th>
                <td className="pre">{value('saved', f)}</td>
                <td className="pre">{value('yours', f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button className="primary" onClick={onReload}>
            {t.reload}
          </button>
          <button onClick={onKeepMine}>{t.keepMine}</button>
        </div>
      </div>
    );
  }
  if (item.version > baseVersion) {
    return (
      <div className="alert alert--warn" role="status">
        {t.conflict(item.updatedByName ?? t.conflictSomeone, item.updatedAt)} <button onClick={onReload}>{t.reload}</button>
      </div>
    );
  }
  return null;
}
