import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

describe('environment', () => {
  it('has defaults that serve localhost:3000 from the embedded database', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/kubelab.db', NODE_ENV: 'production' });
  });

  it('says which variable is wrong and why', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/invalid environment:\n {2}PORT: /);
    expect(() => parseEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL: only SQLite file URLs/);
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET: SESSION_SECRET must be at least 32 characters');
  });
});
