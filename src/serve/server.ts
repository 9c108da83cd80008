/**
 * One HTTP server: GraphQL at /graphql, health at /healthz (the explorer will join it at
 * /explorer). Apollo's landing page loads from a CDN, so it is off.
 */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import { log } from '../log';
import type { GraphStore } from '../store';
import { rememberingNames } from '../store/remembered-names';
import { createContext, type Context, type Settings } from './context';
import { explorerRouter } from './explorer';
import { ideRouter } from './ide';
import { limitsPlugin, timeLimit } from './limits';
import { schema } from './schema';
import type { StartupProgress } from '../startup';

/** The longest a request may run (REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ServiceOptions {
  store: GraphStore;
  port: number;
  host?: string;
  requestTimeoutMs?: number;
  settings?: Settings;
  /** The start-up load, when one runs beside the service. */
  startup?: StartupProgress;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * type-graphql reports invalid arguments as "Argument Validation Error" with the details
 * aside; researchers should read what was wrong and where in the message itself.
 */
export function explainValidation(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const details = formatted.extensions?.validationErrors as
    { property: string; constraints?: Record<string, string>; children?: unknown[] }[] | undefined;
  if (!details?.length) return formatted;
  const flatten = (
    errors: { property: string; constraints?: Record<string, string>; children?: unknown[] }[],
    prefix: string,
  ): string[] =>
    errors.flatMap((e) => [
      ...Object.values(e.constraints ?? {}).map((c) => `${prefix}${e.property}: ${c}`),
      ...flatten((e.children ?? []) as typeof errors, `${prefix}${e.property}.`),
    ]);
  return { ...formatted, message: `invalid argument: ${flatten(details, '').join('; ')}` };
}

let requests = 0;

/** One log line per request: its id, path, status and duration. */
function requestLog(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const id = `${Date.now().toString(36)}-${(++requests).toString(36)}`;
  const started = process.hrtime.bigint();
  res.setHeader('x-request-id', id);
  res.on('finish', () => {
    log('request', {
      requestId: id,
      method: req.method,
      path: req.originalUrl.split('?')[0],
      operation: (req.body as { operationName?: string } | undefined)?.operationName ?? null,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  });
  next();
}

export async function createApp(
  store: GraphStore,
  options: Pick<ServiceOptions, 'requestTimeoutMs' | 'settings' | 'startup'> = {},
): Promise<{ app: express.Express; apollo: ApolloServer<Context> }> {
  store = rememberingNames(store); // questions start by resolving names: spare the round trip
  const executable = await schema();
  const apollo = new ApolloServer<Context>({
    schema: executable,
    // Apollo's landing page loads from a CDN: off; the IDE is served from npm packages.
    // No cache hints are used; Apollo's cache-control plugin would otherwise wrap every
    // field's resolver to compute them.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(executable),
    ],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: explainValidation,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETags: answers to POSTed questions are not cached, and hashing each body costs more
  // than the rest of express's reply (static files keep theirs, from express.static).
  app.set('etag', false);
  // 200 once the store answers and the start-up load is through; 503 before, so that a
  // script can wait for it.
  app.get('/healthz', async (_req, res) => {
    const health = await store.health();
    const reports = health.reachable ? (await store.reports()).map((r) => r.reportId) : [];
    const { startup } = options;
    const status = !health.reachable ? 'unavailable' : startup?.pending ? 'loading' : 'ok';
    res
      .status(status === 'ok' ? 200 : 503)
      .json({ status, ...health, reports, ...(startup ? { startup } : {}) });
  });
  app.use(requestLog);
  app.use(ideRouter());
  app.use('/explorer', explorerRouter());
  app.use(
    '/graphql',
    timeLimit(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    express.json({ limit: '12mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(store, options.settings, req.headers.authorization ?? null),
    }),
  );
  return { app, apollo };
}

export async function startService({
  store,
  port,
  host = '0.0.0.0',
  requestTimeoutMs,
  settings,
  startup,
}: ServiceOptions): Promise<RunningService> {
  const { app, apollo } = await createApp(store, { requestTimeoutMs, settings, startup });
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
