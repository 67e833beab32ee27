// One criterion: self-score, "không phát sinh", explanation (autosaved, with a local draft so
// nothing typed is lost on a crash or a closed window), evidence, and the review actions.
// This file decides who may write; ItemForm lays the criterion out.
import { ErrorBox } from '../../components/form';
import { useApp } from '../../store';
import type { AssessmentDetail } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import type { Change } from './useAutosave';
import { ItemForm } from './ItemForm';

export function ItemEditor({
  detail,
  itemId,
  isLeader,
  onChange,
  back,
}: {
  detail: AssessmentDetail;
  itemId: number;
  isLeader: boolean;
  onChange: (c: Change) => void;
  back: string;
}) {
  const item = detail.items.find((i) => i.id === itemId);
  const me = useApp((s) => s.session?.user.id);
  if (!item) return <ErrorBox message={vi.assessment.itemNotFound} />;
  const node = detail.nodes.find((n) => n.code === item.criterionCode)!;
  const mine = item.assigneeId === me;
  const writable = detail.editable.ok && (isLeader || (mine && (item.status === 'todo' || item.status === 'returned')));
  return (
    <ItemForm
      key={item.id}
      detail={detail}
      item={item}
      node={node}
      writable={writable}
      canReopen={detail.editable.ok && (mine || isLeader) && item.status === 'done'}
      isLeader={isLeader}
      onChange={onChange}
      back={back}
    />
  );
}
