import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from './resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: { forbidUnknownValues: false } });
  return built;
}
