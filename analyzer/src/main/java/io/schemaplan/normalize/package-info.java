/**
 * Normalization: the one place that turns what a server or a dump prints (types, defaults, index and
 * constraint definitions) into the canonical model. Both PostgreSQL readers call these functions on the
 * same server-printed text, which is why a dump and a live read of one schema agree exactly.
 *
 * <p>{@link io.schemaplan.normalize.SqlTokens} is the small lexer under all of them: quotes, dollar quotes
 * and parenthesised groups are single tokens, so no parser here is fooled by a comma, keyword or
 * parenthesis inside a string literal or an expression.
 */
package io.schemaplan.normalize;
