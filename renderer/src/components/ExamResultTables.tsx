// The results of an exam round as two tables — per commune (with the total) and per person, step
// by step — shared by the round's Kết quả tab and a verified results package opened read-only.
import { vi } from '../../../shared/i18n/vi';

const t = vi.examUi;

interface Tally {
  people: number;
  passed: number;
  failed: number;
  pending: number;
}

export function CommuneTallyTable({ communes, totals }: { communes: (Tally & { commune: string })[]; totals: Tally }) {
  const row = (label: string, c: Tally, className?: string) => (
    <tr key={label} className={className}>
      <td>{label}</td>
      <td className="num">{c.people}</td>
      <td className="num">{c.passed}</td>
      <td className="num">{c.failed}</td>
      <td className="num">{c.pending}</td>
    </tr>
  );
  return (
    <table className="table compact" aria-label={t.byCommune}>
      <thead>
        <tr>
          <th>{t.commune}</th>
          <th className="num">{t.people}</th>
          <th className="num">{t.passed}</th>
          <th className="num">{t.notPassed}</th>
          <th className="num">{t.notFinished}</th>
        </tr>
      </thead>
      <tbody>
        {communes.map((c) => row(c.commune, c))}
        {row(t.total, totals, 'total-row')}
      </tbody>
    </table>
  );
}

interface PersonResult {
  fullName: string;
  positionTitle: string | null;
  commune: string;
  steps: { step: number; result: 'dat' | 'khong_dat' | null; codes: string[]; note?: string | null }[];
  passed: boolean | null;
}

/** Each step's result (… while none), the appointment codes handed on, and the proctor's note. */
export function PeopleResultsTable({ people }: { people: PersonResult[] }) {
  const passedText = (p: boolean | null) => (p === null ? t.notFinished : p ? t.passed : t.notPassed);
  return (
    <table className="table compact" aria-label={t.byPerson}>
      <thead>
        <tr>
          <th>{t.fullName}</th>
          <th>{t.position}</th>
          <th>{t.commune}</th>
          {[1, 2, 3, 4].map((n) => (
            <th key={n}>{t.step(n)}</th>
          ))}
          <th>{t.result}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p, i) => (
          <tr key={i} data-person={p.fullName}>
            <td>{p.fullName}</td>
            <td>{p.positionTitle ?? ''}</td>
            <td>{p.commune}</td>
            {[1, 2, 3, 4].map((n) => {
              const x = p.steps.find((s) => s.step === n);
              return (
                <td key={n}>
                  {x ? (x.result ? t.results[x.result] : '…') : ''}
                  {x && x.codes.length > 0 && <div className="muted small">{x.codes.join(', ')}</div>}
                  {x?.note && <div className="muted small">{x.note}</div>}
                </td>
              );
            })}
            <td>
              <span className={`badge ${p.passed === true ? 'badge--approved' : p.passed === false ? 'badge--returned' : ''}`}>{passedText(p.passed)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
