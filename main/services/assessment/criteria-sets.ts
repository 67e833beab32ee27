// Criteria sets in the database: import (all-or-nothing), list, read. A set is read-only once an
// assessment uses it: there is deliberately no update path, only import of a new version.
import path from 'node:path';
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { resourcesDir } from '../resources';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CriteriaSetSummary, CriterionView } from '../../../shared/api/assessment-schemas';
import type { CriteriaFileResult } from '../criteria-file';

export const SAMPLE_SET_FILE = 'criteria/phu-thuong-2021.json';

export function listCriteriaSets(s: Services): CriteriaSetSummary[] {
  const sets = s.db.all(s.db.q.selectFrom('criteria_set').selectAll().orderBy('id', 'desc'));
  return sets.map((set) => summarize(s, set.id));
}

export function summarize(s: Services, setId: number): CriteriaSetSummary {
  const set = s.db.first(s.db.q.selectFrom('criteria_set').selectAll().where('id', '=', setId));
  if (!set) throw new ApiError('NOT_FOUND', vi.criteria.notFound);
  const nodes = criteriaNodes(s, setId);
  const years = s.db.all(s.db.q.selectFrom('assessment').select('year').where('set_id', '=', setId).orderBy('year'));
  return {
    id: set.id,
    name: set.name,
    decision: set.decision,
    province: set.province,
    year: set.year,
    totalMax: set.total_max,
    warnings: JSON.parse(set.warnings_json) as CriteriaSetSummary['warnings'],
    nodeCount: nodes.length,
    leafCount: nodes.filter((n) => n.isLeaf).length,
    usedByYears: years.map((y) => y.year),
    createdAt: set.created_at,
  };
}

// A stored set never changes (there is no update path), so its nodes are cached per database.
const nodeCache = new WeakMap<object, Map<number, CriterionView[]>>();

export function criteriaNodes(s: Services, setId: number): CriterionView[] {
  let perDb = nodeCache.get(s.db);
  if (!perDb) nodeCache.set(s.db, (perDb = new Map<number, CriterionView[]>()));
  const hit = perDb.get(setId);
  if (hit) return hit;
  const nodes = loadNodes(s, setId);
  // Never cache inside a transaction: a set being stored may still roll back (and its id be reused).
  if (nodes.length && !s.db.sqlite.inTransaction) perDb.set(setId, nodes);
  return nodes;
}

function loadNodes(s: Services, setId: number): CriterionView[] {
  const rows = s.db.all(s.db.q.selectFrom('criterion').selectAll().where('set_id', '=', setId).orderBy('ord'));
  const parents = new Set(rows.map((r) => r.parent_code).filter((c): c is string => c !== null));
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    title: r.title,
    maxPoints: r.max_points,
    guidance: r.guidance,
    evidenceHints: r.evidence_hints,
    isLeaf: !parents.has(r.code),
  }));
}

/** Stores a checked file's content as a new set, in one transaction; refuses it whole on errors. */
export function storeCriteriaSet(s: Services, actor: Actor, file: CriteriaFileResult, sourceName: string): CriteriaSetSummary {
  const { check, meta } = file;
  if (check.errors.length) {
    throw new ApiError(
      'VALIDATION',
      vi.criteria.rejected(sourceName, check.errors.length),
      check.errors.map((e) => ({ path: [e.source, e.code].filter(Boolean).join(' · '), message: e.message })),
    );
  }
  return s.db.tx((w) => {
    const { lastInsertRowid: setId } = s.db.run(
      s.db.q.insertInto('criteria_set').values({
        name: meta.name,
        decision: meta.decision,
        province: meta.province,
        year: meta.year,
        source_name: sourceName,
        warnings_json: JSON.stringify(check.warnings),
        total_max: check.totalMax,
        created_at: s.clock.now(),
        created_by: actor.id,
      }),
    );
    for (const n of check.nodes) {
      s.db.run(
        s.db.q.insertInto('criterion').values({
          set_id: setId,
          code: n.code,
          parent_code: n.parentCode,
          level: n.level,
          title: n.title,
          max_points: n.maxPoints,
          guidance: n.guidance,
          evidence_hints: n.evidenceHints,
          ord: n.order,
        }),
      );
    }
    appendAudit(w, s, actor, {
      action: 'criteria.import',
      entity: 'criteria_set',
      entityId: setId,
      after: { name: meta.name, decision: meta.decision, criteria: check.nodes.length, warnings: check.warnings.length, source: sourceName },
    });
    return summarize(s, setId);
  });
}

export async function importCriteriaFile(s: Services, actor: Actor, filePath: string, sourceName: string): Promise<CriteriaSetSummary> {
  // Loaded on use: the XLSX reader is large, and start-up should not pay for it.
  const { readCriteriaFile } = await import('../criteria-file');
  const file = await readCriteriaFile(filePath, { displayName: sourceName });
  return storeCriteriaSet(s, actor, file, sourceName);
}

export async function importSampleSet(s: Services, actor: Actor): Promise<CriteriaSetSummary> {
  const file = path.join(resourcesDir(), SAMPLE_SET_FILE);
  return importCriteriaFile(s, actor, file, path.basename(file));
}

/** A set's name is the user's: proposed at import, changed here (audited); criteria never change. */
export function renameCriteriaSet(s: Services, actor: Actor, setId: number, name: string): CriteriaSetSummary {
  return s.db.tx((w) => {
    const set = s.db.first(s.db.q.selectFrom('criteria_set').select(['id', 'name']).where('id', '=', setId));
    if (!set) throw new ApiError('NOT_FOUND', vi.criteria.notFound);
    if (set.name === name) return summarize(s, setId);
    s.db.run(s.db.q.updateTable('criteria_set').set({ name }).where('id', '=', setId));
    appendAudit(w, s, actor, { action: 'criteria.rename', entity: 'criteria_set', entityId: setId, before: { name: set.name }, after: { name } });
    return summarize(s, setId);
  });
}
