import type { AmendmentStatus } from './statuses';

/**
 * The lifecycle: draft → tabled → committee vote (adopted, rejected, fell) or withdrawn → plenary
 * (adopted, rejected) → in trilogue → outcome in the final act (fully, partly, not).
 * Plenary amendments tabled directly in plenary skip the committee; an adopted text can reach the
 * final act without a recorded trilogue stage.
 */
const next: Record<AmendmentStatus, AmendmentStatus[]> = {
	draft: ['tabled', 'withdrawn'],
	tabled: [
		'committee_adopted',
		'committee_rejected',
		'committee_fell',
		'withdrawn',
		'plenary_adopted',
		'plenary_rejected'
	],
	committee_adopted: ['plenary_adopted', 'plenary_rejected', 'withdrawn'],
	committee_rejected: [],
	committee_fell: [],
	withdrawn: [],
	plenary_adopted: ['in_trilogue', 'final_fully', 'final_partly', 'final_not'],
	plenary_rejected: [],
	in_trilogue: ['final_fully', 'final_partly', 'final_not'],
	final_fully: [],
	final_partly: [],
	final_not: []
};

export const statusLabels: Record<AmendmentStatus, string> = {
	draft: 'Draft',
	tabled: 'Tabled',
	committee_adopted: 'Adopted in committee',
	committee_rejected: 'Rejected in committee',
	committee_fell: 'Fell in committee',
	withdrawn: 'Withdrawn',
	plenary_adopted: 'Adopted in plenary',
	plenary_rejected: 'Rejected in plenary',
	in_trilogue: 'In trilogue',
	final_fully: 'In the final act: fully',
	final_partly: 'In the final act: partly',
	final_not: 'Not in the final act'
};

/** The stage a status belongs to, for grouping in filters and lists. */
export const statusStages: { stage: string; statuses: AmendmentStatus[] }[] = [
	{ stage: 'Preparation', statuses: ['draft', 'tabled'] },
	{ stage: 'Committee vote', statuses: ['committee_adopted', 'committee_rejected', 'committee_fell', 'withdrawn'] },
	{ stage: 'Plenary', statuses: ['plenary_adopted', 'plenary_rejected'] },
	{ stage: 'Trilogue', statuses: ['in_trilogue'] },
	{ stage: 'Final act', statuses: ['final_fully', 'final_partly', 'final_not'] }
];

/** The statuses an amendment may move to from `from`; empty once its fate is settled. */
export function nextStatuses(from: AmendmentStatus): AmendmentStatus[] {
	return next[from];
}

export function canMove(from: AmendmentStatus, to: AmendmentStatus): boolean {
	return next[from].includes(to);
}

/** A settled amendment (rejected, fell, withdrawn, or an outcome in the final act) moves no further. */
export function isSettled(status: AmendmentStatus): boolean {
	return next[status].length === 0;
}
