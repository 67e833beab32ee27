// Kysely table types, split by feature; `DB` maps every table name to its type.
// Times are UTC epoch milliseconds; booleans are 0/1; JSON is TEXT.
import type { CoreTables } from './core';
import type { AssessmentTables } from './assessment';
import type { ExamTables } from './exam';
import type { PackageTables } from './packages';
import type { SyncTables } from './sync';
import type { AppraisalTables } from './appraisal';
import type { InspectionTables } from './inspection';
import type { TrainingTables } from './training';

export type * from './core';
export type * from './assessment';
export type * from './exam';
export type * from './packages';
export type * from './sync';
export type * from './appraisal';
export type * from './inspection';
export type * from './training';

export interface DB extends CoreTables, AssessmentTables, ExamTables, PackageTables, SyncTables, AppraisalTables, InspectionTables, TrainingTables {}
