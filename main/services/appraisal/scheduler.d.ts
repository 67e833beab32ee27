// The two exports of React's scheduler (a dependency of react-dom, which ships no types) that
// chart-render.ts uses to wait until React has finished its scheduled work.
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
