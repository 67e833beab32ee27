import { useRef, useState } from 'react';
import { call, upload } from '../api/client';
import { ErrorBox, Notice } from '../components/form';
import { FileButton } from '../components/FileButton';
import { IssueList } from '../components/lists';
import { useSubmit } from '../components/useForm';
import { useLoad } from '../components/useLoad';
import { formatPoints, formatDate } from '../../../shared/format';
import type { CriteriaIssueView, CriterionView } from '../../../shared/api/assessment-schemas';
import { FoldButton, TreeFilterBar, useCriteriaTree } from '../components/criteria-tree';
import { SetNameForm } from '../components/SetNameForm';
import { ListPage } from '../components/ListPage';
import { useApp } from '../store';
import { mayCall } from '../../../shared/api/permissions';
import { vi } from '../../../shared/i18n/vi';

const t = vi.ui;

export function Warnings({ warnings }: { warnings: CriteriaIssueView[] }) {
  if (!warnings.length) return null;
  return (
    <details className="alert alert--warn" open={warnings.length <= 8}>
      <summary>{t.warningsTitle(warnings.length)}</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-code={w.code ?? ''}>
            {w.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function CriteriaListPage({ canImport }: { canImport: boolean }) {
  const { data, error, reload } = useLoad(() => call('criteria.list', {}), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastWarnings, setLastWarnings] = useState<CriteriaIssueView[]>([]);
  const [justImported, setJustImported] = useState<{ id: number; name: string } | null>(null);
  const sub = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);

  const done = (set: { id: number; name: string; warnings: CriteriaIssueView[] }) => {
    setNotice(t.imported(set.name, set.warnings.length));
    setLastWarnings(set.warnings);
    setJustImported({ id: set.id, name: set.name });
    reload();
  };
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setNotice(null);
    const set = await sub.submit(async () => call('criteria.import', { uploadId: (await upload(f)).uploadId }));
    if (set) done(set);
    if (fileInput.current) fileInput.current.value = '';
  };
  const sample = async () => {
    setNotice(null);
    const set = await sub.submit(() => call('criteria.importSample', {}));
    if (set) done(set);
  };

  return (
    <ListPage
      id="criteria-title"
      title={t.criteriaTitle}
      actions={
        canImport && (
          <div className="row-actions">
            <FileButton className="primary" label={t.importFile} accept=".json,.xlsx" inputRef={fileInput} onFile={(f) => void onFile(f)} />
            <button onClick={() => void sample()} disabled={sub.busy}>
              {t.importSample}
            </button>
          </div>
        )
      }
      intro={t.criteriaIntro}
      error={sub.error ?? error}
      rows={data}
      empty={t.noSets}
      head={
        <>
          <th>{t.setName}</th>
          <th>{t.decision}</th>
          <th>{t.criteriaCount}</th>
          <th>{t.totalMax}</th>
          <th>{t.warnings}</th>
          <th>{t.usedBy}</th>
          <th />
        </>
      }
      row={(s) => (
        <tr key={s.id}>
          <td>
            {s.name}
            <div className="muted small">{formatDate(s.createdAt)}</div>
          </td>
          <td>{s.decision ?? vi.app.none}</td>
          <td>
            {s.nodeCount} ({t.scoredCount(s.leafCount)})
          </td>
          <td>{formatPoints(s.totalMax)}</td>
          <td>{s.warnings.length}</td>
          <td>{s.usedByYears.join(', ') || vi.app.none}</td>
          <td>
            <a href={`#/criteria/${s.id}`}>{t.view}</a>
          </td>
        </tr>
      )}
    >
      {/* The refused file's problems right under its error; then what the last import said. */}
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      <Notice message={notice} />
      {justImported && <SetNameForm key={justImported.id} set={justImported} intro={vi.daily.criteriaSet.checkName} onSaved={reload} />}
      <Warnings warnings={lastWarnings} />
    </ListPage>
  );
}

export function CriteriaSetPage({ setId }: { setId: number }) {
  const { data, error, setData } = useLoad(() => call('criteria.get', { setId }), [setId]);
  const roles = useApp((st) => st.session)?.user.roles ?? [];
  const [renaming, setRenaming] = useState(false);
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  return (
    <section aria-labelledby="set-title">
      <a href="#/criteria">{t.back}</a>
      <div className="page-head">
        <h1 id="set-title">{data.set.name}</h1>
        {mayCall(roles, 'criteria.rename') && !renaming && <button onClick={() => setRenaming(true)}>{vi.daily.criteriaSet.rename}</button>}
      </div>
      {renaming && <SetNameForm set={data.set} onSaved={(set) => setData({ ...data, set })} />}
      <p className="muted">
        {[data.set.decision, data.set.province, data.set.year].filter(Boolean).join(' · ')} — {t.totalMax}: {formatPoints(data.set.totalMax)}
      </p>
      <Warnings warnings={data.set.warnings} />
      <SetTree nodes={data.nodes} />
    </section>
  );
}

function SetTree({ nodes }: { nodes: CriterionView[] }) {
  const tree = useCriteriaTree(nodes, null);
  return (
    <>
      <TreeFilterBar tree={tree} total={nodes.length} />
      <table className="table tree">
        <thead>
          <tr>
            <th>{t.code}</th>
            <th>{t.criterion}</th>
            <th className="num">{t.maxPoints}</th>
          </tr>
        </thead>
        <tbody>
          {tree.visible.map((n) => (
            <tr key={n.code} className={`level-${n.level}`} data-code={n.code}>
              <td className="nowrap">
                <FoldButton tree={tree} node={n} />
                {n.code}
              </td>
              <td style={{ paddingLeft: `${0.65 + (n.level - 1) * 1.2}rem` }}>
                {n.title}
                {n.guidance && <div className="muted small pre">{n.guidance}</div>}
              </td>
              <td className="num">{n.maxPoints === null ? '?' : formatPoints(n.maxPoints)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
