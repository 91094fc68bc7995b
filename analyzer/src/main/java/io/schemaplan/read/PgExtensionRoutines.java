package io.schemaplan.read;

import java.util.Map;
import java.util.Set;

/**
 * The functions an extension installs into its schema, for the ones migration scripts call in defaults: a
 * script writes {@code DEFAULT uuid_generate_v4()}, the server resolves it by the search_path to the
 * extension's schema and prints it qualified ({@code public.uuid_generate_v4()}). Functions of the same name in
 * {@code pg_catalog} (searched first) are left out: pgcrypto's {@code gen_random_uuid} resolves to the built-in.
 * Verified against the extensions on a PostgreSQL 15 server (PgExtensionRoutinesTest).
 */
final class PgExtensionRoutines {
    private PgExtensionRoutines() {
    }

    static final Map<String, Set<String>> ROUTINES = Map.of(
            "uuid-ossp", Set.of("uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v3", "uuid_generate_v4",
                    "uuid_generate_v5", "uuid_nil", "uuid_ns_dns", "uuid_ns_oid", "uuid_ns_url", "uuid_ns_x500"),
            "pgcrypto", Set.of("armor", "crypt", "dearmor", "decrypt", "decrypt_iv", "digest", "encrypt", "encrypt_iv",
                    "gen_random_bytes", "gen_salt", "hmac", "pgp_key_id", "pgp_pub_decrypt", "pgp_pub_decrypt_bytea",
                    "pgp_pub_encrypt", "pgp_pub_encrypt_bytea", "pgp_sym_decrypt", "pgp_sym_decrypt_bytea",
                    "pgp_sym_encrypt", "pgp_sym_encrypt_bytea", "pgp_armor_headers"));

    /** Whether {@code extension} installs a function {@code name} that is not also a built-in. */
    static boolean provides(String extension, String name) {
        Set<String> names = ROUTINES.get(extension);
        return names != null && names.contains(name);
    }
}
