/**
 * One HTTP server: GraphQL at /graphql, health at /healthz, the explorer at /explorer, the
 * IDE at /graphql for a browser. Questions go straight to Apollo's request pipeline on
 * Node's own request (see `answerer`); the rest is an express app. Apollo's landing page
 * loads from a CDN, so it is off.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import bodyParser from 'body-parser';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as path from 'node:path';
import { log } from '../log';
import type { GraphStore } from '../store';
import { rememberingNames } from '../store/remembered-names';
import { createContext, type Context, type Settings } from './context';
import { explorerRouter } from './explorer';
import { ideRouter } from './ide';
import { limitsPlugin, MAX_TOKENS, timeoutAnswer } from './limits';
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
  // graphql's own words for a document over maxTokens are "more that N tokens".
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens/.exec(formatted.message);
  if (tokens)
    return {
      ...formatted,
      message: `the document has more than ${tokens[1]} tokens; at most ${tokens[1]} are allowed`,
    };
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

/** Node's request, as express leaves it (the URL it came with, the body it parsed). */
type Request = IncomingMessage & { originalUrl?: string; body?: unknown };

/** One log line per request, when it is answered: its id, path, status and duration. */
function logRequest(req: Request, res: ServerResponse): void {
  const id = `${Date.now().toString(36)}-${(++requests).toString(36)}`;
  const started = process.hrtime.bigint();
  res.setHeader('x-request-id', id);
  res.on('finish', () => {
    log('request', {
      requestId: id,
      method: req.method,
      path: (req.originalUrl ?? req.url ?? '').split('?')[0],
      operation: (req.body as { operationName?: string } | undefined)?.operationName ?? null,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  });
}

function requestLog(req: express.Request, res: express.Response, next: express.NextFunction): void {
  logRequest(req, res);
  next();
}

/** A JSON answer on Node's own response. */
function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

// A report of 10 MiB and its metadata, as JSON.
const readJson = bodyParser.json({ limit: '12mb' });

/**
 * GraphQL over HTTP: the body read as JSON, then Apollo's pipeline (parse, validate, the
 * limits, execute), on Node's request and response. Express and its Apollo integration
 * cost about 0.13 ms a question, a quarter of what the service may add to a Cypher round
 * trip (docs/decisions.md, "Questions skip express"); what they did for /graphql is here:
 * the request log, the time limit, the body limit and JSON errors.
 */
function answerer(
  apollo: ApolloServer<Context>,
  store: GraphStore,
  options: Pick<ServiceOptions, 'requestTimeoutMs' | 'settings'>,
): (req: Request, res: ServerResponse) => void {
  const limitMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return (req, res) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) sendJson(res, 503, timeoutAnswer(limitMs, req.body));
    }, limitMs);
    const stop = () => clearTimeout(timer);
    res.on('finish', stop);
    res.on('close', stop);
    // Reached through express, the request is logged already.
    if (!res.hasHeader('x-request-id')) logRequest(req, res);
    const fail = (e: unknown) => {
      if (res.headersSent) return;
      const answer = clientError(e);
      sendJson(res, answer.status, answer.body);
    };
    readJson(req, res, (err?: unknown) => {
      if (err) fail(err);
      else ask(req, res).catch(fail);
    });
  };

  async function ask(req: Request, res: ServerResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const url = req.originalUrl ?? req.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: req.body,
      },
      context: async () =>
        createContext(store, options.settings, req.headers.authorization ?? null),
    });
    if (res.headersSent) return; // the time limit answered
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** A question: POST /graphql, which goes to the answerer without express. */
const isQuestion = (req: IncomingMessage): boolean =>
  req.method === 'POST' && (req.url === '/graphql' || req.url === '/graphql/');

export async function createApp(
  store: GraphStore,
  options: Pick<ServiceOptions, 'requestTimeoutMs' | 'settings' | 'startup'> = {},
): Promise<{
  app: express.Express;
  apollo: ApolloServer<Context>;
  /** Questions (POST /graphql); the app would answer them too, slower. */
  answer: (req: IncomingMessage, res: ServerResponse) => void;
}> {
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
    // A document of a million tokens took seconds to parse: refused (400) while parsing.
    parseOptions: { maxTokens: MAX_TOKENS },
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
  // script can wait for it. It answers from counts, and within HEALTH_TIMEOUT_MS even when
  // the store does not answer at all (a frozen Neo4j held the probe for 20 s).
  app.get('/healthz', async (_req, res) => {
    const probe = (async () => {
      const health = await store.health();
      return { ...health, reports: health.reachable ? await store.reportCount() : null };
    })();
    probe.catch(() => undefined); // a late failure, after the timeout answered
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), HEALTH_TIMEOUT_MS);
    });
    const health = await Promise.race([
      probe.catch((e: unknown) => ({
        store: store.kind,
        reachable: false,
        detail: withoutPaths((e as Error).message),
        reports: null,
      })),
      late,
    ]).finally(() => clearTimeout(timer));
    const answer = health ?? {
      store: store.kind,
      reachable: false,
      detail: `the store did not answer within ${HEALTH_TIMEOUT_MS} ms`,
      reports: null,
    };
    const { startup } = options;
    const status = !answer.reachable ? 'unavailable' : startup?.pending ? 'loading' : 'ok';
    res.status(status === 'ok' ? 200 : 503).json({
      status,
      ...answer,
      ...(startup ? { startup: startupView(startup) } : {}),
    });
  });
  app.use(requestLog);
  app.use(ideRouter());
  app.use('/explorer', explorerRouter());
  const answer = answerer(apollo, store, options);
  // GET with ?query=, and what reaches express some other way.
  app.use('/graphql', (req, res) => answer(req, res));
  app.use(clientErrors);
  return { app, apollo, answer };
}

/** The longest /healthz waits for the store before it answers 503. */
export const HEALTH_TIMEOUT_MS = 1500;

/** Absolute paths in a message, cut to their last part: the folder layout is nobody's business. */
export function withoutPaths(message: string): string {
  return message.replace(/(?<=^|[\s'"`(])(?:[A-Za-z]:)?[\\/](?![\\/])[^\s'"`)]*/g, (p) =>
    path.basename(p),
  );
}

/** The start-up load as /healthz shows it: how far it is, not where it reads from. */
function startupView(startup: StartupProgress) {
  const { state, stored, files, error } = startup.toJSON();
  return { state, stored, files, ...(error === undefined ? {} : { error: withoutPaths(error) }) };
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Errors before GraphQL (a body that is not JSON, in a charset it cannot read, or too
 * large) as GraphQL errors in JSON; express's own handler answers HTML with the stack and
 * the files' absolute paths when NODE_ENV is not "production".
 */
function clientErrors(
  err: unknown,
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  if (res.headersSent) {
    next(err);
    return;
  }
  const { status, body } = clientError(err);
  res.status(status).json(body);
}

/** What a request that failed before GraphQL is answered: its status and a GraphQL error. */
function clientError(err: unknown): { status: number; body: unknown } {
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const given = Number(e.status ?? e.statusCode);
  const status = given >= 400 && given < 500 ? given : 500;
  const message =
    e.type === 'entity.parse.failed'
      ? 'the request body is not valid JSON'
      : e.type === 'entity.too.large'
        ? 'the request body is larger than the limit of 12 MB'
        : e.type === 'charset.unsupported' || e.type === 'encoding.unsupported'
          ? `the request body must be UTF-8 JSON: ${String(e.message)}`
          : status < 500
            ? `the request cannot be read: ${withoutPaths(String(e.message))}`
            : 'the service failed to answer; the log says why';
  if (status === 500) log('request-failed', { error: String(e.message) });
  return {
    status,
    body: {
      errors: [
        {
          message,
          extensions: {
            code: STATUS_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR'),
          },
        },
      ],
    },
  };
}

export async function startService({
  store,
  port,
  host = '127.0.0.1',
  requestTimeoutMs,
  settings,
  startup,
}: ServiceOptions): Promise<RunningService> {
  const { app, apollo, answer } = await createApp(store, { requestTimeoutMs, settings, startup });
  const server: Server = createServer((req, res) =>
    isQuestion(req) ? answer(req, res) : app(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
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
