import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

describe('environment', () => {
  it('has defaults that serve localhost:3000 from the embedded database', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/kubelab.db', NODE_ENV: 'production' });
  });

  it('says which variable is wrong and why', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/invalid environment:\n {2}PORT: /);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: use a SQLite file \(file:.*\) or PostgreSQL/);
    expect(() => parseEnv({ REDIS_URL: 'localhost:6379', DATABASE_URL: 'postgres://db/k' })).toThrow(/REDIS_URL: use redis:\/\/host:6379/);
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET: SESSION_SECRET must be at least 32 characters');
  });

  it('takes PostgreSQL and Redis for several processes, and refuses Redis over a SQLite file', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://k:pw@db:5432/kubelab', REDIS_URL: 'redis://redis:6379' })).toMatchObject({ DATABASE_URL: 'postgresql://k:pw@db:5432/kubelab', REDIS_URL: 'redis://redis:6379', DATABASE_POOL_SIZE: 10 });
    expect(parseEnv({ DATABASE_URL: 'postgres://db/kubelab' }).REDIS_URL).toBeUndefined();
    expect(() => parseEnv({ REDIS_URL: 'redis://redis:6379' })).toThrow(/REDIS_URL: several server processes need a shared database/);
  });
});
