// Adds a generated migration to migrations/index.ts, the ordered list the service runs.
const fs = require('node:fs');
const [moduleName, className] = process.argv.slice(2);
const indexPath = 'migrations/index.ts';
const source = fs.readFileSync(indexPath, 'utf8');
const lastImport = source.lastIndexOf('import ');
const endOfImports = source.indexOf('\n', lastImport) + 1;
const withImport = `${source.slice(0, endOfImports)}import { ${className} } from './${moduleName}';\n${source.slice(endOfImports)}`;
fs.writeFileSync(indexPath, withImport.replace(/\n\];\s*$/, `\n  ${className},\n];\n`));
