// Adds a generated migration to migrations/index.ts, the ordered list the service runs.
const fs = require('node:fs');
const [moduleName, className] = process.argv.slice(2);
const indexPath = 'migrations/index.ts';
const source = fs.readFileSync(indexPath, 'utf8');
const withImport = `import { ${className} } from './${moduleName}';\n${source}`;
const updated = withImport.replace(/(ALL_MIGRATIONS[^=]*=\s*\[)([^\]]*)\]/, (_m, head, items) => {
  const entries = items.split(',').map((item) => item.trim()).filter(Boolean);
  return `${head}${[...entries, className].join(', ')}]`;
});
fs.writeFileSync(indexPath, updated);
