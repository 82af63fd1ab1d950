/**
 * Small, reusable SVG chart primitives: nice axis ticks, locale-independent number formatting,
 * line/step/scatter plots, legends and cell (small DAG) drawings.
 */
package dev.connectome.report.svg;
