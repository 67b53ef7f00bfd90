import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sandbox/**/*.test.ts', 'labs/**/*.test.ts', 'app/**/*.test.ts', 'lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
