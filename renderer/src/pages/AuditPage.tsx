import { useEffect, useState } from 'react';
import { call, ClientError } from '../api/client';
import { ErrorBox } from '../components/form';
import { AuditChange } from '../components/AuditChange';
import type { AuditEntry, ChainReport } from '../../../shared/api/schemas';
import { formatDateTime } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';

const entityLabel = (entity: string) => vi.auditEntities[entity] ?? vi.daily.audit.entities[entity] ?? vi.app.none;

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [chain, setChain] = useState<ChainReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (beforeSeq?: number) => {
    try {
      const r = await call('audit.list', { limit: 100, ...(beforeSeq !== undefined && { beforeSeq }) });
      setEntries((prev) => (beforeSeq === undefined ? r.entries : [...prev, ...r.entries]));
      setHasMore(r.hasMore);
    } catch (e) {
      setError(e instanceof ClientError ? e.message : vi.errors.internal);
    }
  };
  useEffect(() => {
    void load();
    call('audit.verify', {}).then(setChain, () => undefined);
  }, []);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{vi.audit.title}</h1>
      <p className="muted">{vi.audit.intro}</p>
      {chain && (
        <div className={`alert ${chain.ok ? 'alert--ok' : 'alert--error'}`} role="status">
          {chain.ok ? vi.audit.chainOk(chain.rows) : `${vi.audit.chainBroken}: ${chain.message}`}
        </div>
      )}
      <ErrorBox message={error} />
      {entries.length === 0 ? (
        <p>{vi.audit.empty}</p>
      ) : (
        <table className="table audit-table" aria-label={vi.audit.title}>
          <colgroup>
            <col style={{ width: '3.5rem' }} />
            <col style={{ width: '9.5rem' }} />
            <col style={{ width: '10rem' }} />
            <col style={{ width: '12rem' }} />
            <col style={{ width: '14rem' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>#</th>
              <th>{vi.audit.at}</th>
              <th>{vi.audit.actor}</th>
              <th>{vi.audit.action}</th>
              <th>{vi.audit.entity}</th>
              <th>{vi.audit.change}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-seq={e.seq}>
                <td>{e.seq}</td>
                <td>{formatDateTime(e.at, true)}</td>
                <td>{e.actorName ?? vi.audit.system}</td>
                <td>{vi.auditActions[e.action] ?? vi.daily.audit.actions[e.action] ?? e.action}</td>
                <td>
                  {/* The subject in words; the kind of thing under it. Never a raw id: an officer cannot use it. */}
                  {e.subject ?? entityLabel(e.entity)}
                  {e.subject && <div className="muted small">{entityLabel(e.entity)}</div>}
                </td>
                <td>
                  <AuditChange before={e.before} after={e.after} refs={e.refs ?? {}} entity={e.entity} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore && (
        <button onClick={() => load(entries.at(-1)?.seq)} className="more">
          {vi.audit.more}
        </button>
      )}
    </section>
  );
}
