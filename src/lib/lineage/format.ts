/** Amendment numbers as a reader cites them: [215, 216, 217, 220] → "215–217, 220". */
export function formatNumbers(numbers: readonly number[]): string {
	const sorted = [...new Set(numbers)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
		i = j + 1;
	}
	return parts.join(', ');
}

/** "Amendment 220" or "Amendments 220–223". */
export function amendmentsLabel(numbers: readonly number[]): string {
	return `${numbers.length === 1 ? 'Amendment' : 'Amendments'} ${formatNumbers(numbers)}`;
}
