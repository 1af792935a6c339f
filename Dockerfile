# syntax=docker/dockerfile:1
# The stack-advisor bot (Slack, HTTP or Socket Mode, single workspace or distributed) as an image:
#   docker build -t stack-advisor .
#   docker run --rm --read-only -p 3000:3000 --env-file .env stack-advisor
# Two stages: the build compiles the TypeScript with every dependency; the runtime has the compiled bot, the knowledge
# base and the production dependencies only, runs as a numeric non-root user and writes nothing at run time (so the
# root filesystem may be read-only). deploy/kubernetes/ runs it that way.

# ---- build: npm ci with the dev dependencies, then `npm run build` (tsc -p tsconfig.build.json → dist/) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# The whole context (.dockerignore leaves out node_modules, dist, .git, .env and the like): whatever the build reads.
COPY . .
RUN npm run build

# ---- runtime: production dependencies, dist/ and the knowledge YAML beside it ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# dist/knowledge/load.js and dist/kit/load.js read ../../knowledge/*.yaml: /app/knowledge beside /app/dist.
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# The CLI (`node bin/stack-advisor.js report`, …) runs the compiled build when there are no sources.
COPY bin ./bin
# The node image's own user, by number, so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
# No curl in a slim image: node asks /healthz on PORT (in both connection modes).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The bot stops cleanly on SIGTERM within 25 s (src/main.ts), inside Docker's and Kubernetes' grace periods.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
