import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from './fixtures';

test('the dossier feed is Atom with stages, texts, amendment status changes and positions', async ({ request }) => {
	const response = await request.get('/dossiers/ai-act/feed.atom');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/atom+xml');
	const feed = parseFeed(await response.text());
	expect(feed.meta.type).toBe('atom');
	expect(feed.title).toContain('AI Act');
	const ids = feed.items.map((i) => i.id!);
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.every((id) => id.startsWith('tag:localhost,2026:ai-act/'))).toBe(true);
	expect(ids).toContain('tag:localhost,2026:ai-act/stage/oj-publication');
	expect(ids).toContain('tag:localhost,2026:ai-act/text/final-act');
	expect(feed.items.some((i) => i.title?.startsWith('771 amendments'))).toBe(true);
	expect(feed.items.some((i) => i.categories.some((c) => c.term === 'Position'))).toBe(true);
	expect(feed.items.every((i) => i.updated instanceof Date)).toBe(true);
	const dates = feed.items.map((i) => i.updated!.getTime());
	expect(dates).toEqual([...dates].sort((a, b) => b - a));
});

test('a provision has its own feed, and so has a country', async ({ request }) => {
	const provision = parseFeed(
		await (await request.get('/dossiers/ai-act/provisions/art_5__para_1__point_d/feed.atom')).text()
	);
	expect(provision.title).toContain('Article 5(1)(d)');
	expect(provision.items.some((i) => i.title?.startsWith('Amendment 220 to Article 5(1)(d)'))).toBe(true);
	expect(provision.items.some((i) => i.title === 'Article 5(1)(d), Final act')).toBe(true);

	for (const key of ['de', 'germany']) {
		const country = parseFeed(await (await request.get(`/dossiers/ai-act/positions/${key}/feed.atom`)).text());
		expect(country.title).toContain('Germany');
		expect(country.items.length).toBeGreaterThan(0);
		expect(country.items.every((i) => i.title?.startsWith('Germany'))).toBe(true);
	}
	expect((await request.get('/dossiers/ai-act/positions/xx/feed.atom')).status()).toBe(404);
	expect((await request.get('/dossiers/ai-act/provisions/art_999/feed.atom')).status()).toBe(404);
	expect((await request.get('/dossiers/nope/feed.atom')).status()).toBe(404);
});

test('a signed-in user follows a country, a topic and a provision and sees what changed there', async ({
	page,
	authenticatedAs
}) => {
	await authenticatedAs('reviewer');
	await page.goto('/following?dossier=ai-act');
	await expect(page.getByText('You follow nothing yet.')).toBeVisible();

	await page.getByLabel('Country').selectOption({ label: 'Germany' });
	await page.getByRole('button', { name: 'Follow the country' }).click();
	await page.getByLabel('Topic').selectOption({ label: 'Emotion recognition' });
	await page.getByRole('button', { name: 'Follow the topic' }).click();
	await page.getByLabel('Provision (eId)').fill('art_5__para_1__point_d');
	await page.getByRole('button', { name: 'Follow the provision' }).click();

	const following = page.getByRole('region', { name: 'Following' });
	await expect(following.getByRole('listitem')).toHaveCount(3);
	const changes = page.getByRole('region', { name: 'What changed' });
	await expect(changes.getByRole('link', { name: /^Amendment 220 to Article 5\(1\)\(d\)/ })).toBeVisible();
	await expect(changes.getByRole('link', { name: /^Germany on the ban/ }).first()).toBeVisible();
	await expect(changes.getByRole('link', { name: 'Article 5(1)(f), Final act' })).toBeVisible();

	await page.getByLabel('Provision (eId)').fill('art_999');
	await page.getByRole('button', { name: 'Follow the provision' }).click();
	await expect(page.getByRole('alert')).toContainText('There is no provision');

	await following.getByRole('button', { name: 'Stop following Germany' }).click();
	await expect(following.getByRole('listitem')).toHaveCount(2);
});

test('the personal feed needs a sign-in', async ({ page }) => {
	await page.goto('/following');
	await expect(page).toHaveURL(/\/login\?next=%2Ffollowing/);
});
