import { useEffect, useState } from 'react';
import { call, ClientError } from '../api/client';
import { ErrorBox } from '../components/form';
import type { AuditEntry, ChainReport } from '../../../shared/api/schemas';
import { formatDateTime } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';

/** Shows what changed between before and after, field by field. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return <span className="muted">{vi.app.none}</span>;
  const plain = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? x.toString() : (JSON.stringify(x) ?? ''));
  const show = (k: string, v: unknown): string => {
    if (v === undefined || v === null) return vi.app.none;
    if (typeof v === 'boolean') return v ? vi.app.yes : vi.app.no;
    if (k === 'roles' && Array.isArray(v)) return v.map((r) => vi.roles[r as keyof typeof vi.roles] ?? String(r)).join(', ');
    if (k === 'kind' && typeof v === 'string') return vi.officeKinds[v as keyof typeof vi.officeKinds] ?? v;
    if (Array.isArray(v)) return (v as unknown[]).map(plain).join(', ');
    return plain(v);
  };
  return (
    <ul className="changes">
      {keys.map((k) => (
        <li key={k}>
          <span className="change-key">{vi.auditFields[k] ?? k}</span>: {before != null && <del>{show(k, b[k])}</del>}{' '}
          {after != null && <ins>{show(k, a[k])}</ins>}
        </li>
      ))}
    </ul>
  );
}

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
        <table className="table" aria-label={vi.audit.title}>
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
                <td className="nowrap">{formatDateTime(e.at, true)}</td>
                <td>{e.actorName ?? vi.audit.system}</td>
                <td>{vi.auditActions[e.action] ?? e.action}</td>
                <td className="nowrap">
                  {vi.auditEntities[e.entity] ?? e.entity}
                  {e.entityId ? ` #${e.entityId}` : ''}
                </td>
                <td>
                  <Change before={e.before} after={e.after} />
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
