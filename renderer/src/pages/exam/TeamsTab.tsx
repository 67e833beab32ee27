// Teams per commune: who performs each step (with the sub-role from Ghi chú), the choices the
// proctor still has to make, and "Lập đội thi theo xã" — which keeps running teams and says why
// when there is nothing to form.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import type { RosterEntryView, TeamView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { labelOf } from '../../../../shared/i18n/label';

const t = vi.examUi;
const d = vi.examDay;
const key = (c: string | null) => (c ?? '').normalize('NFC').trim().toLowerCase();

/** Why "Lập đội thi theo xã" cannot run, or what it will do: null when it simply forms every team. */
export function formTeamsHint(teams: TeamView[], entries: RosterEntryView[]): { disabled: boolean; text: string | null } {
  const communes = new Set(entries.filter((e) => e.form === '01' || e.form === '02').map((e) => key(e.commune)));
  if (communes.size === 0) return { disabled: true, text: d.formTeamsHint.noRoster };
  const running = teams.filter((tm) => tm.steps.some((s) => s.phase !== 'pending'));
  if (running.length === 0) return { disabled: false, text: null };
  const withTeam = new Set(teams.map((tm) => key(tm.commune)));
  const left = [...communes].filter((c) => !withTeam.has(c));
  return left.length === 0 ? { disabled: true, text: d.formTeamsHint.allRunning } : { disabled: false, text: d.formTeamsHint.partial(running.length) };
}

export function TeamsTab({ roundId, teams, entries, onChange }: { roundId: number; teams: TeamView[]; entries: RosterEntryView[]; onChange: () => void }) {
  const sub = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const form = async () => {
    setNotice(null);
    const r = await sub.submit(() => call('exam.formTeams', { roundId }));
    if (r) {
      setNotice(r.kept ? d.teamsFormedKept(r.teams, r.kept) : t.teamsFormed(r.teams, r.performers));
      onChange();
    }
  };
  const setPerformer = async (teamId: number, step: 1 | 2 | 3 | 4, entryId: number, add: boolean) => {
    if (await sub.submit(() => call('exam.setPerformer', { teamId, step, entryId, add }))) onChange();
  };
  const hint = formTeamsHint(teams, entries);
  return (
    <div>
      <div className="row-actions">
        <button
          className="primary"
          onClick={() => void form()}
          disabled={sub.busy || hint.disabled}
          aria-describedby={hint.text ? 'form-teams-hint' : undefined}
        >
          {t.formTeams}
        </button>
      </div>
      {hint.text && (
        <p id="form-teams-hint" className={`small ${hint.disabled ? 'warn-text' : 'muted'}`}>
          {hint.text}
        </p>
      )}
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {teams.length === 0 && <p>{t.noTeams}</p>}
      <div className="team-grid">
        {teams.map((team) => {
          const locked = team.steps.some((s) => s.phase !== 'pending');
          const candidates = entries.filter((e) => (e.form === '01' || e.form === '02') && key(e.commune) === key(team.commune));
          return (
            <article key={team.id} className="team-card" aria-label={t.teamLabel(team.commune)}>
              <h2>{team.commune}</h2>
              {team.steps.map((s) => (
                <div key={s.id} className="team-step">
                  <div className="step-name">
                    {t.step(s.step)}: {s.name}
                  </div>
                  <ul>
                    {s.performers.map((p) => (
                      <li key={p.entryId}>
                        {p.fullName} <span className="muted small">{p.positionTitle}</span>
                        {p.subRole && <span className="muted small"> {d.subRole(p.subRole)}</span>}{' '}
                        {!locked && (
                          <button
                            className="link"
                            onClick={() => void setPerformer(team.id, s.step as 1 | 2 | 3 | 4, p.entryId, false)}
                            aria-label={`${t.remove} ${p.fullName} ${t.step(s.step)}`}
                          >
                            {t.remove}
                          </button>
                        )}
                      </li>
                    ))}
                    {s.performers.length === 0 && <li className="warn-text small">{t.noPerformer}</li>}
                  </ul>
                  {!locked &&
                    team.choices
                      .filter((c) => c.step === s.step)
                      .map((c) => (
                        <div key={c.positionId} className="choice warn-text small">
                          {d.chooseFor(labelOf(t.positionIds, c.positionId))}{' '}
                          <select
                            aria-label={d.chooseForLabel(c.step, labelOf(t.positionIds, c.positionId), team.commune)}
                            value=""
                            onChange={(e) => e.target.value && void setPerformer(team.id, s.step as 1 | 2 | 3 | 4, Number(e.target.value), true)}
                          >
                            <option value="">{d.choosePerson}</option>
                            {c.candidates.map((p) => (
                              <option key={p.entryId} value={p.entryId}>
                                {p.fullName}
                              </option>
                            ))}
                          </select>
                        </div>
                      ))}
                  {!locked && (
                    <select
                      aria-label={`${t.addPerformer} — ${team.commune} ${t.step(s.step)}`}
                      value=""
                      onChange={(e) => e.target.value && void setPerformer(team.id, s.step as 1 | 2 | 3 | 4, Number(e.target.value), true)}
                    >
                      <option value="">+ {t.addPerformer}</option>
                      {candidates
                        .filter((c) => !s.performers.some((p) => p.entryId === c.id))
                        .map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.fullName} — {c.positionTitle}
                          </option>
                        ))}
                    </select>
                  )}
                </div>
              ))}
            </article>
          );
        })}
      </div>
    </div>
  );
}
