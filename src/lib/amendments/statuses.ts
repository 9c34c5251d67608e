/**
 * The amendment lifecycle's states and the coalition's assessment directions. Kept here, free of imports,
 * so the database schema and the browser share one list.
 */
export const amendmentStatuses = [
	'draft',
	'tabled',
	'committee_adopted',
	'committee_rejected',
	'committee_fell',
	'withdrawn',
	'plenary_adopted',
	'plenary_rejected',
	'in_trilogue',
	'final_fully',
	'final_partly',
	'final_not'
] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

export const assessmentDirections = ['strengthens', 'weakens', 'neutral'] as const;
export type AssessmentDirection = (typeof assessmentDirections)[number];
