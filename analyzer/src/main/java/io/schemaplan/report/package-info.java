/**
 * Renderers: one per output format. They format what the diff (and later the plan) computed and
 * compute nothing themselves.
 */
package io.schemaplan.report;
