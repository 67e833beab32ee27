import { create } from 'zustand';
import type { Output } from '../../shared/api/contract';
import type { Session } from '../../shared/api/schemas';

type Info = Output<'system.info'>;

export type Phase = 'loading' | 'setup' | 'login' | 'locked' | 'app' | 'error';

interface AppState {
  phase: Phase;
  info: Info | null;
  session: Session | null;
  fatal: string | null;
  flash: string | null;
  set: (p: Partial<Omit<AppState, 'set'>>) => void;
}

export const useApp = create<AppState>((set) => ({
  phase: 'loading',
  info: null,
  session: null,
  fatal: null,
  flash: null,
  set: (p) => set(p),
}));
