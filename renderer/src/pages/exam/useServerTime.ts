import { useEffect, useRef, useState } from 'react';
import { formatRemaining, timerState, type TimerLevel } from '../../../../shared/exam-timer';

export { formatRemaining };

/**
 * The server's time, advanced locally between fetches with the page's monotonic clock — so a
 * timer shows the back end's idea of "now" (deadlines are stored there), even if this PC's clock
 * is wrong, and ticks smoothly.
 */
export function useServerTime(serverNow: number | undefined, tickMs = 250): number {
  const base = useRef<{ server: number; perf: number } | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (serverNow !== undefined) base.current = { server: serverNow, perf: performance.now() };
  }, [serverNow]);
  useEffect(() => {
    const h = window.setInterval(() => setTick((x) => x + 1), tickMs);
    return () => window.clearInterval(h);
  }, [tickMs]);
  return base.current ? base.current.server + (performance.now() - base.current.perf) : (serverNow ?? Date.now());
}

/** The console's alerts: colour bands and a short tone at 5:00, 1:00 and the end (shared/exam-timer.ts). */
export function alertLevel(remainingMs: number | null): TimerLevel {
  return timerState(remainingMs).level;
}

let audio: AudioContext | null = null;
export function beep(kind: 'warn5' | 'warn1' | 'end') {
  try {
    audio ??= new AudioContext();
    const tones = kind === 'end' ? [880, 660, 880, 660] : kind === 'warn1' ? [880, 880] : [660];
    tones.forEach((f, i) => {
      const o = audio!.createOscillator();
      const g = audio!.createGain();
      o.frequency.value = f;
      o.connect(g).connect(audio!.destination);
      const at = audio!.currentTime + i * 0.35;
      g.gain.setValueAtTime(0.25, at);
      g.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
      o.start(at);
      o.stop(at + 0.3);
    });
  } catch {
    // No audio device: the colour change still signals it.
  }
}
