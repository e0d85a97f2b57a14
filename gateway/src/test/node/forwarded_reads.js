// What JavaScript's JSON.parse reads from the bodies Dijkwacht forwarded to a model (parse28).
//
// Run by nl.dijkwacht.api.GeneratedParserDifferentialsTest:  node forwarded_reads.js <dir> <needle> [<needle> ...]
// Reads every file in <dir> as a Node.js server does (the body decoded as UTF-8, then JSON.parse) and prints one line
// per file: "<file> OK", "<file> FOUND <path>" when a string (a value or a key) holds one of the needles, or
// "<file> UNREADABLE <error name>". Never prints the strings themselves.
'use strict';
const fs = require('fs');
const path = require('path');

function* strings(node, at) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* strings(node[i], at + '[' + i + ']');
  } else if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      yield [at + '.<key>', key];
      yield* strings(node[key], at + '.' + key);
    }
  } else if (typeof node === 'string') {
    yield [at, node];
  }
}

const [dir, ...needles] = process.argv.slice(2);
for (const name of fs.readdirSync(dir).sort()) {
  let body;
  try {
    body = JSON.parse(fs.readFileSync(path.join(dir, name)).toString('utf8'));
  } catch (e) {
    console.log(name + ' UNREADABLE ' + e.name);
    continue;
  }
  let found = null;
  for (const [at, text] of strings(body, '$')) {
    if (needles.some((n) => text.includes(n))) { found = at; break; }
  }
  console.log(name + (found ? ' FOUND ' + found : ' OK'));
}
