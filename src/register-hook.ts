/**
 * `node --import optel/register app.js`: registers optel before the app's own code, configured from
 * the standard `OTEL_*` variables and the `OPTEL_*` ones (see the README). The handle is available
 * to the app through `getTelemetry()`.
 */
import { register } from './register.js';

register({});
