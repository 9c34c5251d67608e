import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header; only the fields `SessionUser` carries, never a hash. */
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
