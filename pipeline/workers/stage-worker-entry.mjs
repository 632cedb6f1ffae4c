// Worker thread entry: registers tsx in this thread (loader hooks are per thread), then runs the
// TypeScript worker. Plain JS so it loads under node, tsx, bin/arende.js and jest alike.
import { register } from 'tsx/esm/api';

register();
await import('./stage-worker.ts');
