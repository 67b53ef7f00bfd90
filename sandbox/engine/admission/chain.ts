// Runs the admission plugins in the real API server's order for one phase.
import type { Api } from '../api/api.js';
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

export function runAdmission(api: Api, phase: 'admit' | 'validate', attrs: AdmissionAttributes): void {
  const ctx = { api: api.internalClient(), clock: api.core.clock, random: api.core.random };
  for (const plugin of api.core.admission) plugin[phase]?.(attrs, ctx);
}

export type { AdmissionPlugin };
