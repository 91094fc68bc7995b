-- Generates analyzer/src/main/resources/io/schemaplan/impact/pg-binary-casts.tsv: every cast WITHOUT FUNCTION
-- (pg_cast.castmethod = 'b', "binary-coercible") of PostgreSQL and of the extensions created below, so that
-- PgTypeChanges reads the server's own facts instead of a hand list. Run on a scratch database:
--   createdb sp_casts && psql -X -q -At -F $'\t' -d sp_casts -f scripts/pg-casts.sql \
--     > analyzer/src/main/resources/io/schemaplan/impact/pg-binary-casts.tsv; dropdb sp_casts
-- Columns: source type, target type (format_type, unqualified), the extension that declares the cast
-- (empty for the core), and the index methods whose indexes on the column are rebuilt (comma-separated,
-- empty when every index keeps its storage). PostgreSQL reuses an index after ALTER COLUMN TYPE only when
-- the new type's default operator class is in the same family as the old one (CheckIndexCompatible), so
-- text -> citext rebuilds a btree index although the heap is not rewritten. Per access method where the
-- source type has a default operator class, the target's family is compared; a type without its own default
-- class uses the class of a type it is binary-coercible to (varchar uses text_ops, the preferred type's), as
-- GetDefaultOpClass does. Index methods of extensions count (btree_gist gives inet and cidr gist classes of
-- different families), so the table describes a server with the extensions below.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS isn;
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS seg;
CREATE EXTENSION IF NOT EXISTS lo;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS postgis;

\ir ../analyzer/src/main/resources/io/schemaplan/read/pg-binary-casts.sql
