import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../../src/serve/schema';

test('docs/schema.graphql is the schema the code builds (npm run schema rewrites it)', async () => {
  const file = readFileSync(path.join(__dirname, '..', '..', 'docs', 'schema.graphql'), 'utf8');
  expect(file).toBe(`${printSchema(await schema())}\n`);
});
