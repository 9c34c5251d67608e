import { expect, test } from './fixtures';
import { dossier, publicPages } from './pages';

// What a search engine or a link preview reads: the server's HTML, without running the page's scripts.
test.describe('as the server sends it', () => {
	test.use({ javaScriptEnabled: false });

	test('each public page has a title of its own and a description of what it shows', async ({ page }) => {
		const heads: { path: string; title: string; description: string }[] = [];
		for (const path of publicPages) {
			await page.goto(path);
			const description = page.locator('meta[name="description"]');
			await expect(description, path).toHaveCount(1);
			heads.push({ path, title: await page.title(), description: (await description.getAttribute('content')) ?? '' });
		}
		for (const { path, title, description } of heads) {
			expect(title, path).toMatch(/\S.*Trilogue|Trilogue.*\S/);
			expect(description.length, `${path}: “${description}”`).toBeGreaterThanOrEqual(40);
		}
		const repeated = (key: 'title' | 'description') =>
			heads.filter((h, i) => heads.findIndex((o) => o[key] === h[key]) !== i).map((h) => `${h.path}: ${h[key]}`);
		expect(repeated('title')).toEqual([]);
		expect(repeated('description')).toEqual([]);
	});

	test('a provision’s, a country’s and an amendment’s description name what they show', async ({ page }) => {
		const description = () => page.locator('meta[name="description"]').getAttribute('content');
		await page.goto(`${dossier}/provisions/art_5`);
		expect(await description()).toMatch(/^Article 5: Prohibited AI practices of the AI Act/);
		await page.goto(`${dossier}/positions/germany`);
		expect(await description()).toContain('The positions of Germany on the AI Act');
		await page.goto(`${dossier}/amendments?q=${encodeURIComponent('"emotion recognition"')}`);
		const first = page.locator('ol.amendments > li h3 a').first();
		const number = (await first.textContent())!.match(/\d+/)![0];
		await first.click();
		expect(await description()).toMatch(new RegExp(`^Amendment ${number} \\(.+\\) to .+ of the AI Act`));
	});

	test('the favicon and the web app manifest are served', async ({ page, request }) => {
		await page.goto('/');
		const ico = await request.get('/favicon.ico');
		expect(ico.status()).toBe(200);
		expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
		for (const href of await page
			.locator('link[rel="icon"]')
			.evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))) {
			expect((await request.get(href)).status(), href).toBe(200);
		}
		const manifest = await request.get((await page.locator('link[rel="manifest"]').getAttribute('href'))!);
		expect(manifest.status()).toBe(200);
		const body = await manifest.json();
		expect(body).toMatchObject({ name: expect.stringContaining('Trilogue'), short_name: 'Trilogue', start_url: '/' });
		for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
	});
});

test('the title and description follow a navigation in the browser', async ({ page }) => {
	await page.goto(`${dossier}/timeline`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Provisions' }).click();
	await expect(page).toHaveTitle('Provisions · AI Act · Trilogue');
	await expect(page.locator('meta[name="description"]')).toHaveCount(1);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		/^Every article, annex and recital of the AI Act/
	);
});
