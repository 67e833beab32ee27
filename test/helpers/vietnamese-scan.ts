// Finds Vietnamese typed into source code outside comments: the catalogue check for renderer/ and
// main/. Block comments, line comments and JSDoc lines are skipped; a trailing `// …` is cut.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯÁÀÃÉÈÍÌÓÒÕÚÙÝ]/;

export function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(tsx?|mts)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Lines of `file` with Vietnamese in code (not comments): [line number, trimmed text]. */
export function vietnameseLines(file: string): [number, string][] {
  const found: [number, string][] = [];
  let inBlock = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const trimmed = line.trim();
      if (inBlock) {
        if (trimmed.includes('*/')) inBlock = false;
        return;
      }
      if (trimmed.startsWith('/*')) {
        inBlock = !trimmed.includes('*/');
        return;
      }
      const code = trimmed.startsWith('//') || trimmed.startsWith('*') ? '' : line.replace(/\s\/\/ .*$/, '');
      if (VIETNAMESE.test(code)) found.push([i + 1, trimmed]);
    });
  return found;
}
