// Loads the pipeline's TypeScript modules into a Node script through Vite's module loader:
// the command-line tools run exactly the code the extension bundles.
import { createServer } from 'vite';

export async function loadModules(paths) {
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    return await Promise.all(paths.map((path) => server.ssrLoadModule(path)));
  } finally {
    await server.close();
  }
}
