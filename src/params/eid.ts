import type { ParamMatcher } from '@sveltejs/kit';
import { isEid } from '$lib/validators';

/** `[eid=eid]`: the shape of a provision eId ('art_5__para_1__point_h'); any other address is SvelteKit's 404. */
export const match: ParamMatcher = (param) => isEid(param);
