// Vitest globalSetup: bundles the server once per run (scripts/buildServer.ts, about 0.3 s) for every test that
// starts it as a process, so they run the code as it is now and not an older `npm run build`. Each run writes its
// own file (two runs at once do not overwrite each other's) and removes it at the end.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildServer } from '../../scripts/buildServer';

export default async function setup() {
  const outfile = await buildServer(join('dist-server', `test-${process.pid}-${Date.now().toString(36)}`, 'index.mjs'));
  // Read by startApp and startServer (test/support/server.ts) in the test workers, which inherit the environment.
  process.env.GS_SERVER_BUNDLE = outfile;
  return () => rmSync(dirname(outfile), { recursive: true, force: true });
}
