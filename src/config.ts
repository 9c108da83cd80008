/** Runtime settings, from the environment (see README "Configure"). */
import { DEFAULT_MAX_REPORT_BYTES } from './read';

export interface Config {
  port: number;
  /** The interface the service listens on: this machine only unless told (Docker: 0.0.0.0). */
  host: string;
  reportsDir: string;
  neo4j: { uri: string; user: string; password: string } | null;
  apiKey: string | null;
  maxReportBytes: number;
  requestTimeoutMs: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  return {
    port: integer(env, 'PORT', 4000),
    host: env.HOST?.trim() || '127.0.0.1',
    reportsDir: env.REPORTS_DIR || 'seeds',
    neo4j: uri
      ? { uri, user: env.NEO4J_USER || 'neo4j', password: env.NEO4J_PASSWORD || '' }
      : null,
    apiKey: env.API_KEY || null,
    maxReportBytes: integer(env, 'MAX_REPORT_BYTES', DEFAULT_MAX_REPORT_BYTES),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 10_000),
  };
}
