/**
 * The only module that imports chart.js. It is loaded with a dynamic import() from ChartFigure, so only
 * pages with a chart download it, and only the pieces registered here end up in the bundle.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartSpec } from '$lib/charts/spec';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Distinct on white and for common colour-vision deficiencies (Okabe–Ito), plus a grey for "none/unknown". */
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];
const grey = '#9aa4ae';
const isNone = (label: string) => /unknown|not assessed|no position/i.test(label);

/** Draws the chart; the drawn series are also left on the canvas (data-series) so tests can compare them with the table. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
	let colour = 0;
	const chart = new Chart(canvas, {
		type: 'bar',
		data: {
			labels: spec.labels,
			datasets: spec.series.map((s) => {
				const color = isNone(s.label) ? grey : palette[colour++ % palette.length];
				return { label: s.label, data: s.values, backgroundColor: color, borderColor: '#ffffff', borderWidth: 1 };
			})
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { stacked: true },
				y: { stacked: true, beginAtZero: true, max: spec.yMax, title: { display: true, text: spec.yLabel } }
			},
			plugins: { legend: { position: 'bottom' } }
		}
	});
	canvas.dataset.series = JSON.stringify(chart.data.datasets.map((d) => ({ label: d.label, data: d.data })));
	return chart;
}
