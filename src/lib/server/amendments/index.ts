/**
 * The amendments workspace: finding (list, filters, full-text search), reading, editing with the status
 * lifecycle and stale-save refusal, assessments and comments, import and export. One module per concern
 * under ./amendments/; pages import from here.
 */
export { PUBLIC_VIEWER, viewerOf, type Viewer } from '../authorization';
export { listAmendments, type AmendmentListItem, type AmendmentPage, type AmendmentAuthor } from './list';
export { getAmendment, getAssessment, listComments, type AmendmentDetail, type AlsoTabled } from './detail';
export {
	createAmendment,
	updateAmendment,
	changeStatus,
	currentVersion,
	type AmendmentDraft,
	type SaveResult,
	type CurrentVersion
} from './edit';
export { saveAssessment, reviewAssessment, addComment, type AssessmentInput, type AssessmentReview } from './review';
export { importAmendments, type ImportPlan, type ImportResult } from './import';
export { exportStream, filteredIds, recordsOf } from './export';
export { filterOptions, type FilterOptions } from './options';
