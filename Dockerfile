# One image for every service; docker-compose picks the command per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY platform/package.json platform/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/customers/package.json subgraphs/customers/
COPY subgraphs/inventory/package.json subgraphs/inventory/
COPY subgraphs/logistics/package.json subgraphs/logistics/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx tsc -b && npm prune --omit=dev --ignore-scripts
ENV NODE_ENV=production
USER node
CMD ["node", "gateway/dist/main.js"]
