/**
 * Trilogue's stance scale and how each stance is shown: a label, a short label and a shape, so a
 * stance is never told by colour alone. Pure: shared by the server and the pages.
 */

export const stances = ['full_ban', 'ban_with_exceptions', 'neutral', 'opposes', 'unknown'] as const;
export type Stance = (typeof stances)[number];

export const confidences = ['official', 'reported', 'inferred'] as const;
export type Confidence = (typeof confidences)[number];

export interface StanceStyle {
	label: string;
	short: string;
	/** A glyph drawn next to the label; the class gives the colour. */
	shape: string;
	className: string;
}

export const stanceStyle: Record<Stance, StanceStyle> = {
	full_ban: { label: 'Supports a full ban', short: 'Full ban', shape: '●', className: 'stance-full' },
	ban_with_exceptions: {
		label: 'Supports a ban with exceptions',
		short: 'Ban with exceptions',
		shape: '◐',
		className: 'stance-exceptions'
	},
	neutral: { label: 'Neutral or undecided', short: 'Neutral', shape: '◇', className: 'stance-neutral' },
	opposes: { label: 'Opposes a ban', short: 'Opposes', shape: '✕', className: 'stance-opposes' },
	unknown: { label: 'Unknown', short: 'Unknown', shape: '?', className: 'stance-unknown' }
};

export const confidenceLabel: Record<Confidence, string> = {
	official: 'Confirmed by an official source',
	reported: 'Reported',
	inferred: 'Inferred'
};

export const confidenceShort: Record<Confidence, string> = {
	official: 'official',
	reported: 'reported',
	inferred: 'inferred'
};

export const confidenceHelp: Record<Confidence, string> = {
	official: 'the stance is stated in an official document of the actor',
	reported: 'the stance is stated by a secondary source (press, NGO)',
	inferred: 'our inference, e.g. from a vote on a text or a national law, not a stated position on the EU ban'
};

/** The key used for positions with no topic: they are about the ban as a whole. */
export const WHOLE_BAN = 'whole-ban';
export const wholeBanLabel = 'The ban as a whole';

export const isStance = (s: unknown): s is Stance =>
	typeof s === 'string' && (stances as readonly string[]).includes(s);
