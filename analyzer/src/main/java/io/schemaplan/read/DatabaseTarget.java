package io.schemaplan.read;

/** A database a live reader connects to, as every message names it: never with its password. */
interface DatabaseTarget {
    String user();

    /** The password that is (or will be) sent, or null; used only to blank it out of messages. */
    String password();

    String host();

    int port();

    String database();

    /** {@code scheme://user@host:port/database}. */
    String redacted();
}
