import type { ProvisionKind } from './split';

/** The kind of provision an eId names, from its last segment ('art_5__para_1__point_da' is a point). */
export function kindOfEid(eid: string): ProvisionKind {
	const last = eid.split('__').at(-1)!;
	if (last.startsWith('art_')) return 'article' as const;
	if (last.startsWith('rec_')) return 'recital' as const;
	if (last.startsWith('cit_')) return 'citation' as const;
	if (last.startsWith('anx_')) return 'annex' as const;
	if (last.startsWith('para_')) return 'paragraph' as const;
	if (last.startsWith('subpara_')) return 'subparagraph' as const;
	if (last.startsWith('point_') || last.startsWith('indent_')) return 'point' as const;
	if (last.startsWith('title_')) return 'title' as const;
	if (last.startsWith('chp_')) return 'chapter' as const;
	if (last.startsWith('sec_')) return 'section' as const;
	return 'line' as const;
}
