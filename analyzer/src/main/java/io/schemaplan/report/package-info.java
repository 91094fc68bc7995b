/**
 * Renderers: one per output format. They format what the diff and the plan computed and compute
 * nothing themselves. Markdown and HTML come from the JTE templates of {@code report-templates/},
 * compiled at build time ({@link io.schemaplan.report.Templates}).
 */
package io.schemaplan.report;
