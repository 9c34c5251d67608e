/** The fields of a position a person edits, as recorded in its history (actor and topic by name). */
export interface PositionSnapshot {
	actor: string;
	topic: string;
	date: string | null;
	dateNote: string | null;
	stance: string;
	stanceAsReported: string | null;
	stanceBasis: string | null;
	summary: string;
	evidence: unknown;
	confidence: string;
	visibility: string;
	internalNote: string | null;
}

export const fieldLabel: Record<keyof PositionSnapshot, string> = {
	actor: 'Actor',
	topic: 'Topic',
	date: 'Date',
	dateNote: 'Note on the date',
	stance: 'Stance',
	stanceAsReported: 'Stance as reported',
	stanceBasis: 'Why this stance',
	summary: 'Summary',
	evidence: 'Evidence',
	confidence: 'Confidence',
	visibility: 'Visibility',
	internalNote: 'Internal note'
};

export type Changes = Partial<Record<keyof PositionSnapshot, { from: unknown; to: unknown }>>;

/** What changed between two snapshots (compared as JSON, so evidence lists compare by content). */
export function diffSnapshots(before: PositionSnapshot, after: PositionSnapshot): Changes {
	const out: Changes = {};
	for (const key of Object.keys(fieldLabel) as (keyof PositionSnapshot)[]) {
		if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
			out[key] = { from: before[key] ?? null, to: after[key] ?? null };
	}
	return out;
}

/** A changed value as one line of text for the history. */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined || value === '') return '(empty)';
	if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describeSource).join('; ');
	return String(value);
}

function describeSource(v: unknown): string {
	if (!v || typeof v !== 'object' || !('title' in v)) return JSON.stringify(v);
	const s = v as { title: string; url?: string | null; locator?: string | null; quote?: string | null };
	return [s.title, s.locator, s.url && `<${s.url}>`, s.quote && `“${s.quote}”`].filter(Boolean).join(', ');
}
