// "Kiểm tra trước khi gửi": the problems grouped by area (lĩnh vực) and criterion, with counts;
// errors first and marked by a word and a symbol as well as colour; every line links to its
// criterion; filters for errors only and for the criteria assigned to the signed-in user.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useLoad } from '../../components/useLoad';
import { useApp } from '../../store';
import type { AssessmentDetail, PrecheckEntry, PrecheckReport } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.precheckList.ui;

type Area = PrecheckReport['areas'][number];
type Criterion = Area['criteria'][number];

export function SeverityTag({ severity }: { severity: PrecheckEntry['severity'] }) {
  return (
    <span className={`sev sev--${severity}`}>
      <span aria-hidden="true">{severity === 'error' ? '✖' : '⚠'}</span> {severity === 'error' ? t.error : t.warning}
    </span>
  );
}

function Counts({ errors, warnings }: { errors: number; warnings: number }) {
  return <span className={`precheck-counts${errors ? ' precheck-counts--error' : ''}`}>{t.counts(errors, warnings)}</span>;
}

/** The report with the filters applied: empty criteria and areas dropped, counts recomputed. */
function filtered(report: PrecheckReport, errorsOnly: boolean, mineOf: number | null): Area[] {
  return report.areas
    .map((area) => {
      const criteria = area.criteria
        .filter((c) => mineOf === null || c.assigneeId === mineOf)
        .map((c) => (errorsOnly ? { ...c, warnings: 0, entries: c.entries.filter((e) => e.severity === 'error') } : c))
        .filter((c) => c.entries.length > 0);
      const sum = (k: 'errors' | 'warnings') => criteria.reduce((n, c) => n + c[k], 0);
      return { ...area, criteria, errors: sum('errors'), warnings: sum('warnings') };
    })
    .filter((a) => a.criteria.length > 0);
}

function CriterionBlock({ c, base }: { c: Criterion; base: string }) {
  const href = `${base}/item/${c.itemId}`;
  return (
    <li className="precheck-criterion" data-code={c.code}>
      <div className="precheck-criterion__head">
        <a href={href}>
          <strong>{c.code}</strong> {c.title}
        </a>
        <span className="muted small"> · {c.assigneeName ?? t.unassigned}</span> <Counts errors={c.errors} warnings={c.warnings} />
      </div>
      <ul className="precheck">
        {c.entries.map((e, i) => (
          <li key={i} className={`precheck--${e.severity}`} data-kind={e.kind} data-code={c.code}>
            <SeverityTag severity={e.severity} />{' '}
            <a href={href}>
              {/* The code is in the heading above; screen readers still hear it with each line. */}
              <span className="sr-only">{c.code} — </span>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function PrecheckTab({ d, base }: { d: AssessmentDetail; base: string }) {
  const { data, error } = useLoad(() => call('assessment.precheck', { assessmentId: d.assessment.id }), [d]);
  const me = useApp((st) => st.session?.user.id ?? null);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [mine, setMine] = useState(false);
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  const areas = filtered(data, errorsOnly, mine ? me : null);
  return (
    <section aria-label={t.listLabel} className="precheck-report">
      <p className="muted">{t.intro}</p>
      {data.areas.length === 0 ? (
        <div className="alert alert--ok">{t.ok}</div>
      ) : (
        <>
          <p data-testid="precheck-totals">
            <strong>{t.totals(data.errors, data.criteriaWithErrors, data.warnings)}</strong>
          </p>
          <fieldset className="precheck-filters">
            <legend className="sr-only">{t.filters}</legend>
            <label>
              <input type="checkbox" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} /> {t.errorsOnly}
            </label>
            <label>
              <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} disabled={me === null} /> {t.mine}
            </label>
          </fieldset>
          {areas.length === 0 && <p className="muted">{t.nothingMatches}</p>}
          {areas.map((area) => (
            <section key={area.code} className="precheck-area" aria-labelledby={`precheck-area-${area.code}`} data-area={area.code}>
              <h3 id={`precheck-area-${area.code}`}>
                {area.code ? `${area.code}. ${area.title}` : t.noArea} <Counts errors={area.errors} warnings={area.warnings} />
              </h3>
              <ul className="precheck-criteria">
                {area.criteria.map((c) => (
                  <CriterionBlock key={c.code} c={c} base={base} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
