// Prisma 7 CLI configuration. Only `prisma generate` is used here (migrations: prisma/migrate.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/kubelab.db' },
});
