import { WHOLE_BAN } from './stance';

/** Short column headings for the matrix; the full topic name is shown on hover and on the country page. */
const short: Record<string, string> = {
	[WHOLE_BAN]: 'Whole ban',
	'real-time-rbi': 'Real-time RBI',
	'post-rbi': 'Post RBI',
	exceptions: 'Exceptions',
	'private-actors': 'Private actors',
	'biometric-categorisation': 'Biometric categorisation',
	'emotion-recognition': 'Emotion recognition',
	'facial-scraping': 'Facial scraping',
	'predictive-policing': 'Predictive policing'
};

export const topicShortName = (key: string, name: string) => short[key] ?? name;
