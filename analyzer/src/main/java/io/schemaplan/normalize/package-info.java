/**
 * Normalization: the one place that turns what a server or a dump prints (types, defaults, index and
 * constraint definitions) into the canonical model. Both PostgreSQL readers call these functions on the
 * same server-printed text, which is why a dump and a live read of one schema agree exactly.
 */
package io.schemaplan.normalize;
