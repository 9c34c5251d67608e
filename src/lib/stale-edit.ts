/**
 * The one stale-edit scheme. Every editable row has an integer `version`; its edit form sends the version it
 * was read at, and the save is `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`. When no
 * row matched, someone else saved first: nothing is written, and the save answers with their version for the
 * page to show beside what the user typed (`SavedMeanwhile.svelte`). Pure, so the pages use it too.
 */

/** What someone else saved meanwhile: the row's version now (the form's next `version`) and its content. */
export interface Conflict<R> {
	version: number;
	record: R;
}

/** The result of a save of a versioned row: `ok` with what the save returns, or the newer version it lost to. */
export type Saved<T extends object, R> = ({ ok: true } & T) | { ok: false; conflict: Conflict<R> };

/** One field where their saved version and the user's unsaved one differ, as the page shows them. */
export interface ConflictRow {
	field: string;
	label: string;
	theirs: string;
	mine: string;
}

const shown = (v: unknown) =>
	Array.isArray(v) ? v.join(', ') || '(empty)' : v === null || v === undefined || v === '' ? '(empty)' : String(v);

/** Equal for the user: an empty text is no value, and a list's order does not count. */
const comparable = (v: unknown) =>
	JSON.stringify(Array.isArray(v) ? [...v].sort() : v === undefined || v === '' ? null : v);

/** The fields of `labels` (in its order) where `theirs` and `mine` differ. */
export function conflictRows(labels: Record<string, string>, theirs: object, mine: object): ConflictRow[] {
	const of = (record: object, field: string) => (record as Record<string, unknown>)[field];
	return Object.entries(labels)
		.filter(([field]) => comparable(of(theirs, field)) !== comparable(of(mine, field)))
		.map(([field, label]) => ({ field, label, theirs: shown(of(theirs, field)), mine: shown(of(mine, field)) }));
}
