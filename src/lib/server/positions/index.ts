/**
 * Positions: what a viewer may see of them (the matrix, an actor's positions over time), drafting and
 * the review workflow, and the review queue. One module per concern under ./; pages import from here.
 */
export {
	visiblePositions,
	topicColumns,
	actorsOfKinds,
	getActor,
	positionMatrix,
	actorPositions,
	type TopicColumn,
	type ActorSummary,
	type PositionView,
	type PositionMatrix,
	type ActorPositions
} from './visible';
export {
	createPosition,
	updatePosition,
	submitPosition,
	approvePosition,
	returnPosition,
	reopenPosition,
	type WorkflowResult
} from './review';
export {
	getPositionDetail,
	reviewQueue,
	positionHistory,
	formOptions,
	recentlyApproved,
	type PositionDetail,
	type ReviewQueue,
	type HistoryEntry
} from './queue';
