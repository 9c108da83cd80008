/**
 * Writes the GraphQL schema the code builds to docs/schema.graphql (a test fails when the
 * two drift apart).   npm run schema
 */
require('reflect-metadata');
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const { printSchema } = require('graphql');
const { schema } = require('../dist/src/serve/schema');

schema().then((s) => {
  const file = path.join(__dirname, '..', 'docs', 'schema.graphql');
  writeFileSync(file, `${printSchema(s)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
});
