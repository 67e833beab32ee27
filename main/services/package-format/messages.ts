// The package services' texts live in the catalogue (shared/i18n/vi/packages.ts); this name is
// what the package modules import.
export { viPackages as messages } from '../../../shared/i18n/vi/packages';
