import type { AmendmentDraft } from '../amendments';

/**
 * An amendment to point 5(1)(d) of the proposal as the form saves it, public, with no authors; a test
 * overrides what it varies.
 */
export const amendmentDraft = (over: Partial<AmendmentDraft> = {}): AmendmentDraft => ({
	tablingContext: 'Test context',
	number: '1',
	provision: 'art_5__para_1__point_d',
	target: 'Article 5 – paragraph 1 – point d',
	targetPart: 'whole',
	tabledOn: '2022-06-01',
	visibility: 'public',
	authors: [],
	baseText: '(d) the use of ‘real-time’ remote biometric identification systems',
	proposedText:
		'(d) the placing on the market, putting into service or use of remote biometric identification systems in publicly accessible spaces',
	deletesProvision: false,
	newProvision: false,
	justification: null,
	...over
});
