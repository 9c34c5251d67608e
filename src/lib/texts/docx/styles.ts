/**
 * Run and paragraph formatting as Word resolves it: direct formatting over the character style over the
 * paragraph style (each style over the one it is `basedOn`) over the document defaults. The Council marks its
 * changes with formatting only, so knowing where a run's bold comes from is what tells an addition (bold set
 * on the run) from a heading (bold because of its style).
 */
import { attr, child, childrenNamed, childrenOf, rootOf, tagOf, type XmlNode } from './package';

/** The formatting properties the reader cares about; undefined means "not said here, inherit". */
export interface RunProps {
	bold?: boolean;
	italic?: boolean;
	strike?: boolean;
	underline?: boolean;
	caps?: boolean;
	superscript?: boolean;
	/** Font size in half-points. */
	size?: number;
}

export interface ParagraphStyle {
	id: string;
	name: string;
	/** A heading or title style: bold in it is the style's, never a change mark. */
	heading: boolean;
	run: RunProps;
	numId?: string;
	ilvl?: number;
}

export interface StyleSheet {
	defaults: RunProps;
	paragraph(id: string | undefined): ParagraphStyle;
	character(id: string | undefined): RunProps;
}

/** Reads w:rPr: toggles such as <w:b/> are on unless w:val says 0/false/none. */
export function readRunProps(rPr: XmlNode | undefined): RunProps {
	const props: RunProps = {};
	if (!rPr) return props;
	for (const c of childrenOf(rPr)) {
		const tag = tagOf(c);
		const val = attr(c, 'w:val');
		const on = val === undefined || !/^(0|false|off|none)$/i.test(val);
		if (tag === 'w:b') props.bold = on;
		else if (tag === 'w:i') props.italic = on;
		else if (tag === 'w:strike' || tag === 'w:dstrike') props.strike = (props.strike ?? false) || on;
		else if (tag === 'w:u') props.underline = on;
		else if (tag === 'w:caps' || tag === 'w:smallCaps') props.caps = (props.caps ?? false) || on;
		else if (tag === 'w:vertAlign') props.superscript = val === 'superscript';
		else if (tag === 'w:sz' && val && /^\d+$/.test(val)) props.size = Number(val);
	}
	return props;
}

/** `over` wins wherever it says something. */
export function mergeProps(under: RunProps, over: RunProps): RunProps {
	const out: RunProps = { ...under };
	for (const [k, v] of Object.entries(over) as [keyof RunProps, RunProps[keyof RunProps]][]) {
		if (v !== undefined) (out as Record<string, unknown>)[k] = v;
	}
	return out;
}

interface RawStyle {
	type: string;
	name: string;
	basedOn?: string;
	run: RunProps;
	outline: boolean;
	numId?: string;
	ilvl?: number;
}

const EMPTY_STYLE: ParagraphStyle = { id: '', name: '', heading: false, run: {} };

export function readStyles(part: XmlNode[] | null): StyleSheet {
	const root = rootOf(part, 'w:styles');
	const raw = new Map<string, RawStyle>();
	let defaultParagraph: string | undefined;
	const docDefaults = child(root, 'w:docDefaults');
	const defaults = readRunProps(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr'));
	for (const s of childrenNamed(root, 'w:style')) {
		const id = attr(s, 'w:styleId');
		if (!id) continue;
		const type = attr(s, 'w:type') ?? 'paragraph';
		const pPr = child(s, 'w:pPr');
		const numPr = child(pPr, 'w:numPr');
		const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
		raw.set(`${type}:${id}`, {
			type,
			name: attr(child(s, 'w:name'), 'w:val') ?? id,
			basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
			run: readRunProps(child(s, 'w:rPr')),
			outline: child(pPr, 'w:outlineLvl') !== undefined,
			numId: attr(child(numPr, 'w:numId'), 'w:val'),
			ilvl: ilvl !== undefined ? Number(ilvl) : undefined
		});
		if (type === 'paragraph' && /^(1|true)$/.test(attr(s, 'w:default') ?? '')) defaultParagraph = id;
	}

	const resolved = new Map<string, ParagraphStyle>();
	const resolve = (type: string, id: string, depth = 0): ParagraphStyle => {
		const key = `${type}:${id}`;
		const done = resolved.get(key);
		if (done) return done;
		const s = raw.get(key);
		if (!s || depth > 20) return { ...EMPTY_STYLE, id };
		const base = s.basedOn ? resolve(type, s.basedOn, depth + 1) : { ...EMPTY_STYLE };
		const heading = s.outline || /^(heading|title)/i.test(s.name) || /^(Heading|Title)/.test(id) || base.heading;
		const out: ParagraphStyle = {
			id,
			name: s.name,
			heading,
			run: mergeProps(base.run, s.run),
			numId: s.numId ?? base.numId,
			ilvl: s.ilvl ?? base.ilvl
		};
		resolved.set(key, out);
		return out;
	};
	return {
		defaults,
		paragraph: (id) => resolve('paragraph', id ?? defaultParagraph ?? 'Normal'),
		character: (id) => (id ? resolve('character', id).run : {})
	};
}
