package io.schemaplan.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schemaplan.model.Engine;
import io.schemaplan.testing.LocalMariadb;
import io.schemaplan.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** String literals and dollar quotes this tool writes, read back by the servers. */
class LiteralsServerTest {
    static final List<String> VALUES = List.of("plain", "it's", "a\\b", "two\nlines\r", "x\u202Ey\u001b[2J", "'; DROP TABLE t; --",
            "имя \uD83D\uDE00", "");

    @Test
    void postgresReadsBackEveryLiteralAsTheValue() throws Exception {
        try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement()) {
            for (String v : VALUES) {
                String literal = Literals.string(Engine.POSTGRES, v);
                assertTrue(literal.codePoints().noneMatch(ch -> ch == '\n' || ch == 0x1b || ch == 0x202e), literal);
                try (ResultSet rs = s.executeQuery("SELECT " + literal)) {
                    rs.next();
                    assertEquals(v, rs.getString(1), literal);
                }
            }
        }
    }

    @Test
    void mariadbReadsBackEveryLiteralAsTheValue() throws Exception {
        try (Connection c = LocalMariadb.connect("mysql"); Statement s = c.createStatement()) {
            for (String v : VALUES) {
                String literal = Literals.string(Engine.MARIADB, v);
                assertTrue(literal.indexOf('\n') < 0, literal);
                try (ResultSet rs = s.executeQuery("SELECT " + literal)) {
                    rs.next();
                    assertEquals(v, rs.getString(1), literal);
                }
            }
        }
    }

    @Test
    void aDollarQuoteUsesATagTheBodyDoesNotHold() throws Exception {
        for (String body : List.of("plain", "a $$ b", "x $sp$ y $sp1$ z", "")) {
            String quoted = Literals.dollarQuoted(body);
            try (Connection c = LocalPostgres.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + quoted)) {
                rs.next();
                assertEquals(body, rs.getString(1), quoted);
            }
        }
        assertEquals("$sp2$x $sp$ y $sp1$ z$sp2$", Literals.dollarQuoted("x $sp$ y $sp1$ z"));
    }
}
