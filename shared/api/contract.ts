// The contract: every API method the renderer can call, with its input and output schemas.
// main/api implements each name exactly once; the client derives its types from here.
import type { z } from 'zod';
import './zod-vi';
import { coreMethods } from './methods-core';
import { assessmentMethods } from './methods-assessment';
import { appraisalMethods } from './methods-appraisal';
import { examMethods } from './methods-exam';
import { packagesMethods } from './methods-packages';
import { networkMethods } from './methods-network';
import { reportsMethods } from './methods-reports';

/** Method groups by feature (shared/api/methods-*.ts); a name may appear in only one (test/unit/contract-groups.test.ts). */
export const methodGroups = [coreMethods, assessmentMethods, appraisalMethods, examMethods, packagesMethods, networkMethods, reportsMethods] as const;

export const contract = {
  ...coreMethods,
  ...assessmentMethods,
  ...appraisalMethods,
  ...examMethods,
  ...packagesMethods,
  ...networkMethods,
  ...reportsMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

/** Channel names of the transports. */
export { ipcChannel, eventChannel } from './channels';
export const httpTokenHeader = 'x-kiemchung-token';
export const httpSessionHeader = 'x-kiemchung-session';
