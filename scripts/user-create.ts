/**
 * Creates an account from the command line, e.g. the first admin:
 *   npm run user:create -- --email a@b.org --role admin [--name "Ada Lovelace"]
 * Asks for the password on a terminal (not echoed), or reads TRILOGUE_PASSWORD for scripts.
 * Uses DATABASE_URL when set, otherwise PGlite in DATA_DIR (default ./data); stop a running PGlite
 * server first, as only one process can open that database.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { prepareDatabase } from '../src/lib/server/db/setup';
import { optionsFromEnv } from '../src/lib/server/db/index';
import { roles, type Role } from '../src/lib/server/db/schema/index';
import { createUser, emailField } from '../src/lib/server/user';
import { passwordProblem } from '../src/lib/server/password';

function usage(message: string): never {
	console.error(
		`${message}\nUsage: npm run user:create -- --email a@b.org --role ${roles.join('|')} [--name "Full Name"]`
	);
	process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const output = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WriteStream };
		let prompted = false;
		output._writeToOutput = (s: string) => {
			// Show the prompt once, then nothing of what is typed.
			if (!prompted) {
				prompted = true;
				process.stdout.write(s);
			}
		};
		rl.question(prompt, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

const { values } = parseArgs({
	options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }
});
const email = emailField.safeParse(values.email ?? '');
if (!email.success) usage('Give a valid --email.');
if (!roles.includes(values.role as Role)) usage('Give --role.');
const role = values.role as Role;

let password = process.env.TRILOGUE_PASSWORD;
if (!password) {
	if (!process.stdin.isTTY) usage('No terminal to ask for the password: set TRILOGUE_PASSWORD.');
	password = await askHidden('Password: ');
	const again = await askHidden('Password again: ');
	if (password !== again) usage('The two passwords differ.');
}
const problem = passwordProblem(password, email.data);
if (problem) usage(problem);

const open = await prepareDatabase(optionsFromEnv());
try {
	const result = await createUser(open.db, { email: email.data, name: values.name ?? '', role, password }, null);
	if (!result.ok) {
		console.error(result.message);
		process.exitCode = 1;
	} else console.log(`Created ${result.user.role} ${result.user.email} (user ${result.user.id}).`);
} finally {
	await open.close();
}
