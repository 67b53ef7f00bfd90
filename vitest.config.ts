import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sandbox/**/*.test.ts', 'labs/**/*.test.ts', 'app/**/*.test.ts', 'lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'workshops/**/*.test.ts', 'exams/**/*.test.ts', 'courses/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The real-kubectl watch goldens now change the cluster when kubectl opens its watch (not after
    // a wall-clock delay), so they are exact. CI still retries once: the real kubectl runs as a
    // child process with a 30 s limit, which a swamped 2-core machine can exceed.
    retry: process.env.CI ? 1 : 0,
  },
});
