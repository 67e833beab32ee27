// The Vietnamese application menu. Built-in roles do the work (and bring the usual shortcuts);
// only "Giới thiệu" needs our code. The Edit menu is there so copy/paste shortcuts keep working
// on platforms that route them through the menu.
import type { MenuItemConstructorOptions } from 'electron';
import { shellLabels } from './labels';

const m = shellLabels.menu;

export function menuTemplate(onAbout: () => void): MenuItemConstructorOptions[] {
  return [
    { label: m.file, submenu: [{ label: m.quit, role: 'quit' }] },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: m.view,
      submenu: [
        { label: m.reload, role: 'reload' },
        { type: 'separator' },
        { label: m.zoomIn, role: 'zoomIn' },
        { label: m.zoomOut, role: 'zoomOut' },
        { label: m.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: m.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: m.help, submenu: [{ label: m.about, click: onAbout }] },
  ];
}
