# Gevinstspor as a container: Node 20 on Debian, the client built at image time.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV PORT=3000 HOST=0.0.0.0
EXPOSE 3000
# tsx runs the TypeScript server directly, as `npm start` does (without rebuilding).
CMD ["npx", "tsx", "server/index.ts"]
