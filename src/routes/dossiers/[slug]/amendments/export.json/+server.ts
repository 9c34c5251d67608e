import type { RequestHandler } from './$types';
import { exportResponse } from '$lib/server/amendments/route';

/** The filtered list (the same query string as the list page) as JSON, in the format the import reads. */
export const GET: RequestHandler = (event) => exportResponse(event, 'json');
