import { EmbeddedStore } from '../../src/store/embedded';
import { describeNeo4j, freshNeo4jStore } from '../support/neo4j';
import { graphqlSuite } from './graphql-suite';

describe('GraphQL on the embedded store', () => {
  graphqlSuite(async () => new EmbeddedStore());
});

describeNeo4j('GraphQL on Neo4j', () => {
  graphqlSuite(() => freshNeo4jStore());
});
