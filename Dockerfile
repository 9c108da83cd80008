# The service, built with tsc (type-graphql needs decorator metadata, which tsc emits).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json vite.config.mjs ./
COPY src ./src
COPY graph ./graph
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# HOST: every interface, so that the published port reaches the service.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 REPORTS_DIR=/app/seeds
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY graph ./graph
COPY seeds ./seeds
EXPOSE 4000
USER node
# Healthy once /healthz says 200: Neo4j reachable and the reports in REPORTS_DIR loaded (503
# "loading" until then; failures in the first minute do not count). tests/startup.test.ts runs it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
