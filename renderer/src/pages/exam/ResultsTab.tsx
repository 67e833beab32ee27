// "Kết quả" tab: the tally by commune and the results per person, their export, and the signed
// results package.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { Downloads } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { ExamPackagePanel } from './ExamPackagePanel';
import { CommuneTallyTable, PeopleResultsTable } from '../../components/ExamResultTables';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;

export function ResultsTab({ roundId }: { roundId: number }) {
  const { data, error } = useLoad(() => call('exam.results', { roundId }), [roundId]);
  const sub = useSubmit();
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const f = await sub.submit(() => call('exam.exportResults', { roundId, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  return (
    <div>
      <div className="row-actions">
        <button onClick={() => void exportAs('xlsx')}>{t.exportXlsx}</button>
        <button onClick={() => void exportAs('pdf')}>{t.exportPdf}</button>
      </div>
      <ErrorBox message={sub.error} />
      <Downloads links={links} />
      <CommuneTallyTable communes={data.communes} totals={data.totals} />
      <PeopleResultsTable people={data.people} />
      <ExamPackagePanel roundId={roundId} pending={data.totals.pending} />
    </div>
  );
}
