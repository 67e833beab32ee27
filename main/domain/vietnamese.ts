// Vietnamese text helpers. Pure. The diacritics rule itself lives in shared/vietnamese.ts, where
// the renderer can use it too.
export { stripDiacritics, foldText } from '../../shared/vietnamese';
