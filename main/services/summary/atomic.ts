// Exports (XLSX, PDF) are written beside the target and renamed into place: a crash or a full disk
// leaves at worst a stray .tmp file, never a truncated document under the name the user will open
// or send. The one implementation is services/durable.ts.
export { writeAtomically } from '../durable';
