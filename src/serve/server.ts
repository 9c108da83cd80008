/**
 * One HTTP server: GraphQL at /graphql, health at /healthz (the explorer will join it at
 * /explorer). Apollo's landing page loads from a CDN, so it is off.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Server } from 'node:http';
import type { GraphStore } from '../store';
import { createContext, type Context } from './context';
import { ideRouter } from './ide';
import { limitsPlugin, timeLimit } from './limits';
import { schema } from './schema';

/** The longest a request may run (REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ServiceOptions {
  store: GraphStore;
  port: number;
  host?: string;
  requestTimeoutMs?: number;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function createApp(
  store: GraphStore,
  options: { requestTimeoutMs?: number } = {},
): Promise<{ app: express.Express; apollo: ApolloServer<Context> }> {
  const executable = await schema();
  const apollo = new ApolloServer<Context>({
    schema: executable,
    // Apollo's landing page loads from a CDN: off; the IDE is served from npm packages.
    plugins: [ApolloServerPluginLandingPageDisabled(), limitsPlugin(executable)],
    introspection: true,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const health = await store.health();
    const reports = health.reachable ? (await store.reports()).map((r) => r.reportId) : [];
    res
      .status(health.reachable ? 200 : 503)
      .json({ status: health.reachable ? 'ok' : 'unavailable', ...health, reports });
  });
  app.use(ideRouter());
  app.use(
    '/graphql',
    timeLimit(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    express.json({ limit: '12mb' }),
    expressMiddleware(apollo, { context: async () => createContext(store) }),
  );
  return { app, apollo };
}

export async function startService({
  store,
  port,
  host = '0.0.0.0',
  requestTimeoutMs,
}: ServiceOptions): Promise<RunningService> {
  const { app, apollo } = await createApp(store, { requestTimeoutMs });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
