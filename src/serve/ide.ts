/**
 * An interactive GraphQL IDE (GraphiQL) at /graphql for browsers, served entirely from npm
 * packages: no file comes from a CDN, so it works without internet access.
 */
import express from 'express';
import * as path from 'node:path';

const asset = (pkg: string, file: string): string =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const ASSETS: Record<string, string> = {
  'react.js': asset('react', 'umd/react.production.min.js'),
  'react-dom.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': asset('graphiql', 'graphiql.min.js'),
  'graphiql.css': asset('graphiql', 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# Which commitments involve Shenyang?
{
  commitments(filter: {involves: ["Shenyang"]}, first: 5) {
    totalCount
    nodes { text report { id } links { kind rule entity { name } } }
  }
}
`;

export const IDE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>policy-kg GraphQL</title>
  <link rel="stylesheet" href="/graphql/ide/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">Loading the GraphQL IDE…</div>
  <script src="/graphql/ide/react.js"></script>
  <script src="/graphql/ide/react-dom.js"></script>
  <script src="/graphql/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
    );
  </script>
</body>
</html>
`;

export function ideRouter(): express.Router {
  const router = express.Router();
  router.get('/graphql/ide/:file', (req, res) => {
    // Own properties only: /graphql/ide/constructor would otherwise find Object's.
    const name = req.params.file;
    const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  // A browser asking for /graphql gets the IDE; GraphQL clients (GET with ?query=, POST) do not.
  router.get('/graphql', (req, res, next) => {
    if (req.query.query === undefined && req.accepts(['json', 'html']) === 'html') {
      res.type('html').send(IDE_PAGE);
      return;
    }
    next();
  });
  return router;
}
