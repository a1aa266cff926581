# Gevinstspor as a container: Node 20 on Debian, the client built at image time.
FROM node:20-bookworm-slim
# pg_dump/pg_restore for `npm run backup` / `npm run restore` against PostgreSQL (docs/operations.md).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV PORT=3000 HOST=0.0.0.0 NODE_ENV=production
EXPOSE 3000
# Healthy = ready for traffic (the database answers and is migrated; 503 while shutting down). No curl in the
# slim image, so Node asks. Kubernetes: use /api/health as liveness and /api/ready as readiness instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself as PID 1 (not npx/npm), so SIGTERM from `docker stop` reaches the server's graceful shutdown, which
# finishes in-flight answers within SHUTDOWN_TIMEOUT_MS (8 s, below Docker's 10 s).
CMD ["node", "--enable-source-maps", "dist-server/index.mjs"]
