import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { vi } from '../../../../shared/i18n/vi';
import { formatIsoDate } from '../../../../shared/format';
import { parseVnDate } from '../../../../shared/vn-time';
import { DateInput } from '../../components/DateTimeInput';
import { ListPage } from '../../components/ListPage';

const t = vi.examUi;

function CreateRound({ onCreated }: { onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [examDate, setExamDate] = useState('');
  const [venue, setVenue] = useState('');
  const [district, setDistrict] = useState('');
  const { busy, error, fieldErrors, submit, setError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const iso = examDate.trim() ? parseVnDate(examDate) : null;
    if (examDate.trim() && !iso) return setError(vi.dateTime.invalidDate);
    const r = await submit(() => call('exam.createRound', { name, examDate: iso, venue: venue || null, district: district || null }));
    if (r) onCreated(r.id);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.createRound}>
      <h2>{t.createRound}</h2>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.roundName} error={fieldErrors['name']}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t.examDate} error={fieldErrors['examDate']}>
          {(id, d) => <DateInput id={id} aria-describedby={d} value={examDate} onChange={setExamDate} />}
        </Field>
        <Field label={t.venue}>{(id) => <input id={id} value={venue} onChange={(e) => setVenue(e.target.value)} />}</Field>
        <Field label={t.district}>{(id) => <input id={id} value={district} onChange={(e) => setDistrict(e.target.value)} />}</Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.create}
        </button>
      </div>
    </form>
  );
}

export function ExamsPage() {
  const { data, error } = useLoad(() => call('exam.rounds', {}), []);
  const [creating, setCreating] = useState(false);
  return (
    <ListPage
      id="exams-title"
      title={t.title}
      actions={
        !creating && (
          <button className="primary" onClick={() => setCreating(true)}>
            {t.createRound}
          </button>
        )
      }
      intro={t.intro}
      error={error}
      rows={data}
      empty={t.noRounds}
      head={
        <>
          <th>{t.roundName}</th>
          <th>{t.examDate}</th>
          <th>{t.venue}</th>
          <th className="num">{t.people}</th>
          <th className="num">{t.teams}</th>
        </>
      }
      row={(r) => (
        <tr key={r.id}>
          <td>
            <a href={`#/exams/${r.id}`}>{r.name}</a>
          </td>
          <td>{formatIsoDate(r.examDate)}</td>
          <td>{r.venue ?? ''}</td>
          <td className="num">{Object.values(r.counts).reduce((a, b) => a + b, 0)}</td>
          <td className="num">{r.teams}</td>
        </tr>
      )}
    >
      {creating && <CreateRound onCreated={(id) => (window.location.hash = `#/exams/${id}`)} />}
    </ListPage>
  );
}
