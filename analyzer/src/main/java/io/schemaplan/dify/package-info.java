/**
 * Dify knowledge: the bundled release catalog (each release's schema as a gzipped snapshot, its Alembic
 * head, the known revision order), the {@code dify:VERSION[/ENGINE]} source, the Alembic migration graph
 * read from a {@code versions/} directory, and the {@code doctor} checks of a live Dify database.
 * The rest of schemaplan is engine- and product-generic; nothing outside this package knows about Dify.
 */
package io.schemaplan.dify;
