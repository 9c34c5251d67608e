import type { DbConnection } from '../db';
import { actor, topic, type ActorKind } from '../db/schema';
import type { AiActData } from './load';
import { nameSlug } from '$lib/amendments/authors';
import { seedMembers } from './members';

/** The 27 member states, with the country codes the EU uses (EL for Greece). */
export const memberStates: [code: string, name: string][] = [
	['AT', 'Austria'],
	['BE', 'Belgium'],
	['BG', 'Bulgaria'],
	['HR', 'Croatia'],
	['CY', 'Cyprus'],
	['CZ', 'Czechia'],
	['DK', 'Denmark'],
	['EE', 'Estonia'],
	['FI', 'Finland'],
	['FR', 'France'],
	['DE', 'Germany'],
	['EL', 'Greece'],
	['HU', 'Hungary'],
	['IE', 'Ireland'],
	['IT', 'Italy'],
	['LV', 'Latvia'],
	['LT', 'Lithuania'],
	['LU', 'Luxembourg'],
	['MT', 'Malta'],
	['NL', 'Netherlands'],
	['PL', 'Poland'],
	['PT', 'Portugal'],
	['RO', 'Romania'],
	['SK', 'Slovakia'],
	['SI', 'Slovenia'],
	['ES', 'Spain'],
	['SE', 'Sweden']
];

const otherActors: { kind: ActorKind; slug: string; name: string; parent?: string }[] = [
	{ kind: 'institution', slug: 'european-commission', name: 'European Commission' },
	{ kind: 'institution', slug: 'council', name: 'Council of the European Union' },
	{ kind: 'institution', slug: 'european-parliament', name: 'European Parliament' },
	{
		kind: 'committee',
		slug: 'ep-imco',
		name: 'Committee on the Internal Market and Consumer Protection (IMCO)',
		parent: 'european-parliament'
	},
	{
		kind: 'committee',
		slug: 'ep-libe',
		name: 'Committee on Civil Liberties, Justice and Home Affairs (LIBE)',
		parent: 'european-parliament'
	},
	// The committees whose amendment documents the seed imports; IMCO and LIBE reported jointly (Rule 58).
	{
		kind: 'committee',
		slug: 'ep-imco-libe',
		name: 'Committees on the Internal Market and Consumer Protection and on Civil Liberties, Justice and Home Affairs, jointly (IMCO-LIBE)',
		parent: 'european-parliament'
	},
	{
		kind: 'committee',
		slug: 'ep-cult',
		name: 'Committee on Culture and Education (CULT)',
		parent: 'european-parliament'
	},
	{
		kind: 'committee',
		slug: 'ep-envi',
		name: 'Committee on the Environment, Public Health and Food Safety (ENVI)',
		parent: 'european-parliament'
	},
	{
		kind: 'committee',
		slug: 'ep-itre',
		name: 'Committee on Industry, Research and Energy (ITRE)',
		parent: 'european-parliament'
	},
	{
		kind: 'committee',
		slug: 'ep-tran',
		name: 'Committee on Transport and Tourism (TRAN)',
		parent: 'european-parliament'
	},
	{ kind: 'political_group', slug: 'epp', name: 'Group of the European People’s Party (EPP)' },
	{ kind: 'political_group', slug: 's-d', name: 'Progressive Alliance of Socialists and Democrats (S&D)' },
	{ kind: 'political_group', slug: 'renew', name: 'Renew Europe' },
	{ kind: 'political_group', slug: 'greens-efa', name: 'The Greens/European Free Alliance' },
	{ kind: 'political_group', slug: 'ecr', name: 'European Conservatives and Reformists (ECR)' },
	{ kind: 'political_group', slug: 'id', name: 'Identity and Democracy (ID)' },
	{ kind: 'political_group', slug: 'left', name: 'The Left in the European Parliament (GUE/NGL)' },
	{ kind: 'political_group', slug: 'ni', name: 'Non-attached Members (NI)' }
];

/** The parts of the ban, each with the provisions of the final act it rests on. */
export const banTopics: { slug: string; name: string; description: string; provisionEids: string[] }[] = [
	{
		slug: 'real-time-rbi',
		name: 'Real-time remote biometric identification',
		description: 'Use of ‘real-time’ remote biometric identification systems in publicly accessible spaces.',
		provisionEids: ['art_5__para_1__point_h']
	},
	{
		slug: 'post-rbi',
		name: 'Post remote biometric identification',
		description: 'Identification after the fact, from recorded footage.',
		provisionEids: ['art_26__para_10']
	},
	{
		slug: 'exceptions',
		name: 'Exceptions to the ban',
		description: 'The objectives and procedures under which real-time identification is nonetheless allowed.',
		provisionEids: ['art_5__para_1__point_h', 'art_5__para_2', 'art_5__para_3']
	},
	{
		slug: 'private-actors',
		name: 'Private actors',
		description: 'Whether the ban covers private as well as public actors, not only law enforcement.',
		provisionEids: ['art_5__para_1__point_h']
	},
	{
		slug: 'biometric-categorisation',
		name: 'Biometric categorisation',
		description: 'Systems that categorise people by their biometric data to deduce or infer sensitive characteristics.',
		provisionEids: ['art_5__para_1__point_g']
	},
	{
		slug: 'emotion-recognition',
		name: 'Emotion recognition',
		description: 'Systems that infer emotions of natural persons.',
		provisionEids: ['art_5__para_1__point_f']
	},
	{
		slug: 'facial-scraping',
		name: 'Scraping of facial images',
		description: 'Creating or expanding facial recognition databases through untargeted scraping of facial images.',
		provisionEids: ['art_5__para_1__point_e']
	},
	{
		slug: 'predictive-policing',
		name: 'Predictive policing',
		description: 'Risk assessments predicting that a person will commit a criminal offence.',
		provisionEids: ['art_5__para_1__point_d']
	}
];

/** The one slug function, shared with the author matcher so 'Løkkegaard' is 'lokkegaard' everywhere. */
export const slugify = nameSlug;

/**
 * Seeds actors (member states, institutions, committees, groups and their Members, presidencies) and the
 * ban's topics. `committeeIds` is keyed by the committee's code as documents print it ('CULT', 'IMCO-LIBE').
 */
export async function seedActors(tx: DbConnection, data: AiActData, dossierId: number) {
	const states = await tx
		.insert(actor)
		.values(
			memberStates.map(([code, name]) => ({
				kind: 'member_state' as const,
				slug: slugify(name),
				name,
				countryCode: code
			}))
		)
		.returning({ id: actor.id, name: actor.name });
	// Parents first, so each child row carries its parent's id.
	const parents = await tx
		.insert(actor)
		.values(otherActors.filter((a) => !a.parent).map(({ kind, slug, name }) => ({ kind, slug, name })))
		.returning({ id: actor.id, slug: actor.slug, kind: actor.kind });
	const parentIds = new Map(parents.map((p) => [p.slug, p.id]));
	const children = await tx
		.insert(actor)
		.values(
			otherActors
				.filter((a) => a.parent)
				.map(({ kind, slug, name, parent }) => ({ kind, slug, name, parentId: parentIds.get(parent!)! }))
		)
		.returning({ id: actor.id, slug: actor.slug, kind: actor.kind });
	const others = [...parents, ...children];
	const groupIds = new Map(others.filter((o) => o.kind === 'political_group').map((o) => [o.slug, o.id]));
	const committeeIds = new Map(
		others.filter((o) => o.kind === 'committee').map((o) => [o.slug.replace(/^ep-/, '').toUpperCase(), o.id])
	);
	const members = await seedMembers(tx, groupIds, data.members);
	const presidencies = await tx
		.insert(actor)
		.values(
			data.dossier.councilPresidencies.map((p) => ({
				kind: 'presidency' as const,
				slug: `presidency-${slugify(p.presidency)}`,
				name: `${p.presidency.replace(/ \(Council Presidency (.*)\)$/, ' ($1)')} Council Presidency`
			}))
		)
		.returning({ id: actor.id });
	await tx.insert(topic).values(banTopics.map((t, i) => ({ dossierId, ...t, sortOrder: i })));

	const bySlug = new Map(others.map((o) => [o.slug, o.id]));
	return {
		memberStates: new Map(states.map((s) => [s.name, s.id])),
		presidencyIds: presidencies.map((p) => p.id),
		parliamentId: bySlug.get('european-parliament')!,
		groupIds,
		committeeIds,
		members,
		actorCount: states.length + others.length + presidencies.length + members,
		topicCount: banTopics.length
	};
}
