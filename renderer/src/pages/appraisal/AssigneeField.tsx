// Who carries out a plan task: an officer of the commune, or a unit written by name as document
// 002 does ("Văn phòng HĐND và UBND xã"). Shared by the drafted tasks' cards and the form that
// adds a task by hand; `who` is a user's id, UNIT, or '' for nobody yet.
import { Field } from '../../components/form';
import { vi } from '../../../../shared/i18n/vi';
import type { PlanView } from '../../../../shared/api/appraisal-schemas';

const t = vi.appraisal.ui;
export const UNIT = 'unit';

interface Props {
  people: PlanView['people'];
  who: string;
  unit: string;
  disabled?: boolean;
  error: string | undefined;
  onWho: (who: string) => void;
  onUnit: (unit: string) => void;
}

export function AssigneeField({ people, who, unit, disabled = false, error, onWho, onUnit }: Props) {
  return (
    <div>
      <Field label={t.assignee} error={error}>
        {(id, d) => (
          <select id={id} aria-describedby={d} value={who} disabled={disabled} onChange={(e) => onWho(e.target.value)}>
            <option value="">{t.nobody}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName} — {p.position}
              </option>
            ))}
            <option value={UNIT}>{t.unitOption}</option>
          </select>
        )}
      </Field>
      {who === UNIT && (
        <Field label={t.unit}>
          {(id) => <input id={id} value={unit} disabled={disabled} onChange={(e) => onUnit(e.target.value)} placeholder={t.unitPlaceholder} />}
        </Field>
      )}
    </div>
  );
}

/** The API's two assignee fields from the select's value. */
export const assigneeOf = (who: string, unit: string) => ({
  assigneeUserId: who && who !== UNIT ? Number(who) : null,
  assigneeUnit: who === UNIT ? unit.trim() || null : null,
});
