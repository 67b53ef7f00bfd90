# Kubelab's container image: the site (Next.js) and the sandboxes (socket.io + worker threads)
# in one Node process, as `npm start` runs it. Build: docker build -t kubelab .
# Run: docker run -p 3000:3000 -e SESSION_SECRET=… kubelab (SQLite in /app/data by default;
# DATABASE_URL/REDIS_URL for several replicas, see deploy/).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The Prisma client, then the production build of the site (scripts/lib.mjs does both for npm start).
RUN node -e "import('./scripts/lib.mjs').then((l) => { l.ensurePrismaClient(); l.ensureBuild(); })"
# tsx stays: the server runs its TypeScript through it, as npm start does.
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# /healthz: liveness; /readyz: readiness (database and sandbox workers); /metrics: Prometheus.
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# server.ts migrates the database (or refuses to start and says why), then serves.
CMD ["node", "--import", "tsx", "server.ts"]
