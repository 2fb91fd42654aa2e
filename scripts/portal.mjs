#!/usr/bin/env node
// `npm run portal [-- --port N]`: serves the demo EHR portal until interrupted.
import { startPortal } from './portal/server.mjs';

const flag = process.argv.indexOf('--port');
const port = Number(flag > -1 ? process.argv[flag + 1] : (process.env.PORT ?? 4173));
const portal = await startPortal({ port });
console.log(`Demo EHR portal: ${portal.url}/  (Ctrl+C to stop)`);
process.on('SIGINT', () => portal.close().then(() => process.exit(0)));
