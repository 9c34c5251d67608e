import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';

/** argon2id (the library's default algorithm) with OWASP's minimum settings. */
const argon2Options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const passwordMinLength = 8;
/** Long passphrases are welcome; the cap only bounds the work a request can ask for. */
export const passwordMaxLength = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options);
}

export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a refusal, not a crash.
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Does the same argon2 work as a real check and always fails: used for unknown or inactive accounts
 * so that response times don't tell which email addresses have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	await verifyPasswordHash(await dummyHash, password);
	return false;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
	if ([...password].length < passwordMinLength) return `Use at least ${passwordMinLength} characters.`;
	if ([...password].length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`;
	const lower = password.toLowerCase();
	if (commonPasswords.has(lower)) return 'This password is one of the most common ones; choose another.';
	if (email && lower === email.toLowerCase()) return 'The password must not be your email address.';
	if (/^(.)\1*$/u.test(password)) return 'Use more than one repeated character.';
	return null;
}
