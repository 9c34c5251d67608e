import type { ParamMatcher } from '@sveltejs/kit';
import { parseId } from '$lib/validators';

/** `[id=id]`: a database id (digits, at most 2,147,483,647); any other address is SvelteKit's 404. */
export const match: ParamMatcher = (param) => parseId(param) !== null;
