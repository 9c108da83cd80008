/**
 * The command line of a script that measures: its usage is its header comment, printed for
 * --help; a flag it does not know, or a value missing after one that takes a number, is
 * refused before anything runs, since a long run that writes docs/benchmarks.md should not
 * start on a typo. --neo4j without NEO4J_URI is refused too: it would silently measure the
 * embedded store only.
 */
const { readFileSync } = require('node:fs');

/** The header comment of a script, as plain text. */
const usage = (file) =>
  readFileSync(file, 'utf8')
    .split('*/')[0]
    .replace(/^\/\*\*\n?|^ \* ?/gm, '')
    .trimEnd() + '\n';

/**
 * Reads process.argv for the script `file`: `flags` are switches, `numbers` flags followed
 * by a number (name → default). Returns { flag: boolean, ...numbers } or exits: 0 after
 * --help, 2 on a bad command line.
 */
function parseArgs(file, flags, numbers = {}) {
  const out = { ...numbers };
  for (const f of flags) out[f] = false;
  const argv = process.argv.slice(2);
  const refuse = (why) => {
    process.stderr.write(`${why}\n\n${usage(file)}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(usage(file));
      process.exit(0);
    } else if (argv[i].startsWith('--') && flags.includes(name)) {
      out[name] = true;
    } else if (argv[i].startsWith('--') && name in numbers) {
      const value = Number(argv[i + 1]);
      if (!(i + 1 < argv.length) || !Number.isFinite(value) || value <= 0)
        refuse(`${argv[i]} takes a positive number, not ${JSON.stringify(argv[i + 1] ?? '')}`);
      out[name] = value;
      i++;
    } else {
      refuse(`unknown argument ${JSON.stringify(argv[i])}`);
    }
  }
  if (out.neo4j && !process.env.NEO4J_URI)
    refuse('--neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to name the database');
  return out;
}

module.exports = { parseArgs };
