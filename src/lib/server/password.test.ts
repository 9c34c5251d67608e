import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPasswordHash } from './password';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commonPasswords, seclistsTop10000File } from './common-passwords';

describe('passwords', () => {
	it('hashes with argon2id, 19,456 KiB, 2 iterations, parallelism 1, and verifies', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPasswordHash(hash, 'correct horse battery staple')).toBe(true);
		expect(await verifyPasswordHash(hash, 'Correct horse battery staple')).toBe(false);
		expect(await verifyPasswordHash('not a hash', 'x')).toBe(false);
		expect(await verifyAgainstDummy('anything')).toBe(false);
	});

	it('refuses short, overlong, common and trivial passwords and accepts passphrases', () => {
		expect(passwordProblem('short7!')).toMatch(/at least 8/);
		expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
		expect(passwordProblem('Password1')).toMatch(/most common/);
		expect(passwordProblem('qwertyuiop')).toMatch(/most common/);
		expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated/);
		expect(passwordProblem('ada@example.org', 'Ada@Example.org')).toMatch(/email/);
		expect(passwordProblem('correct horse battery staple')).toBeNull();
		expect(passwordProblem('ünïcødé pässphrâse ✓')).toBeNull();
		expect(passwordProblem('y'.repeat(10) + 'z'.repeat(246))).toBeNull();
	});

	it('the common-password list covers at least the 10,000 most common passwords', () => {
		const published = readFileSync(createRequire(import.meta.url).resolve(seclistsTop10000File), 'utf8')
			.split(/\r?\n/)
			.filter(Boolean);
		expect(published).toHaveLength(10_000);
		expect(commonPasswords.size).toBeGreaterThanOrEqual(10_000);
		for (const p of commonPasswords) expect(p).toBe(p.toLowerCase());
		// Every one long enough to pass the length rule is refused as common, whatever its case.
		const long = published.filter((p) => [...p].length >= 8);
		expect(long.length).toBeGreaterThan(3_000);
		for (const p of long) expect(passwordProblem(p.toUpperCase()), p).not.toBeNull();
	});
});
