import 'reflect-metadata';
import { validateOrReject, type ValidatorOptions } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { resolvers } from './resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** The options type-graphql's own validation uses: constraints on the fields given. */
const VALIDATION: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const validatable = (value: unknown): value is object =>
  value !== null && typeof value === 'object';

/** Small arguments found valid, by their class then their JSON (see validateArgument). */
const valid = new Map<unknown, Set<string>>();
const MAX_VALID = 1000;

/** The argument as a key for `valid`, when it is small: a filter, a page; not a report's text. */
function smallJson(value: object): string | null {
  const json = JSON.stringify(value);
  return json.length <= 2000 ? json : null;
}

/**
 * Arguments are validated as type-graphql would (class-validator, with its error), but
 * with class-validator loaded once: type-graphql imports it anew for every argument,
 * about 25 µs a request. An argument of a class already found valid with the same JSON is
 * valid again (its constraints read nothing else): class-validator took about 30 µs a
 * question, a twentieth of what the service adds to a Cypher round trip.
 */
async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  const type = Array.isArray(value) ? null : value.constructor;
  const key = type ? smallJson(value) : null;
  if (key !== null && valid.get(type)?.has(key)) return;
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter(validatable).map((v) => validateOrReject(v, VALIDATION)));
    else await validateOrReject(value, VALIDATION);
  } catch (errors) {
    throw new ArgumentValidationError(
      errors as ConstructorParameters<typeof ArgumentValidationError>[0],
    );
  }
  if (key === null) return;
  let known = valid.get(type);
  if (!known) valid.set(type, (known = new Set()));
  if (known.size >= MAX_VALID) known.clear(); // a client asking with endless arguments
  known.add(key);
}

/** The executable schema; built once per process. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validateFn: validateArgument });
  return built;
}
