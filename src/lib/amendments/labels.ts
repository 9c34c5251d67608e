import type { AssessmentFilter } from './filters';

/** Words for the coalition's assessment; said in words, never by colour alone. */
export const assessmentLabels: Record<AssessmentFilter, string> = {
	strengthens: 'Strengthens the ban',
	weakens: 'Weakens the ban',
	neutral: 'Neutral',
	none: 'Not assessed'
};
