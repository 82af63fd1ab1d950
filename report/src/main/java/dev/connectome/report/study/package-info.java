/**
 * Report sections about a study (summary, best so far, top trials, intermediate values, settings
 * and provenance, NAS-Bench-201 cell drawing) and {@link dev.connectome.report.study.StudyReport},
 * which picks them.
 */
package dev.connectome.report.study;
