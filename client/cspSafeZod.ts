// zod probes whether it may compile validators with Function(); under our CSP (no 'unsafe-eval') the probe is
// refused and the browser reports a CSP violation. jitless skips the probe; the validators work the same.
import { z } from 'zod';

z.config({ jitless: true });
