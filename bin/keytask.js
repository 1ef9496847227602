#!/usr/bin/env node
// The CLI is compiled TypeScript (npm run build:cli → lib/); this file only starts it.
'use strict';
const path = require('path');
const fs = require('fs');

const main = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('keytask is not built yet: run `npm run build:cli` first.\n');
  process.exit(2);
}
require(main)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
