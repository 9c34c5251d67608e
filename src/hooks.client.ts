import { config } from 'zod/v4/core';

// zod probes for eval (`Function('')`) to compile fast parsers; the Content-Security-Policy forbids eval, so
// the probe would be reported as a violation on every page that parses in the browser. Parse without it.
config({ jitless: true });
