import type { RequestHandler } from './$types';
import { exportResponse } from '$lib/server/amendments/route';

/** The filtered list (the same query string as the list page) as CSV: UTF-8 with BOM, formulas neutralised. */
export const GET: RequestHandler = (event) => exportResponse(event, 'csv');
