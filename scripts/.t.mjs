import { loadModules } from '/work/main/scripts/lib/load-ts.mjs';
const [{ deidentify, PlaceholderBook }] = await loadModules(['/utils/deidentify/index.ts']);
for (const t of process.argv.slice(2)) console.log(deidentify(t, { known: undefined, book: new PlaceholderBook('safe-harbor') }).text);
