package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlUrlTest {

    @Test
    void parsesTheUrlFormsUsersType() {
        MysqlUrl u = MysqlUrl.parse("mysql://dify:s3cret@db.example.com:3307/dify?sslMode=REQUIRED");
        assertEquals("dify", u.user());
        assertEquals("s3cret", u.password());
        assertEquals("db.example.com", u.host());
        assertEquals(3307, u.port());
        assertEquals("dify", u.database());
        assertEquals(Map.of("sslMode", "REQUIRED"), u.params());
        assertEquals("jdbc:mysql://db.example.com:3307/dify", u.jdbcUrl());

        MysqlUrl jdbc = MysqlUrl.parse("jdbc:mariadb://db.example.com/dify?user=dify&password=s3cret");
        assertEquals("mariadb", jdbc.scheme());
        assertEquals("s3cret", jdbc.password());
        assertEquals(3306, jdbc.port());
        assertEquals("mariadb://dify@db.example.com:3306/dify", jdbc.redacted());
        assertEquals("mysql://dify@db.example.com:3306/dify", MysqlUrl.parse("jdbc:mysql://dify@db.example.com/dify").redacted());
    }

    @Test
    void thePasswordComesFromTheUrlElseMysqlPwd() {
        MysqlUrl none = MysqlUrl.parse("mysql://root@h/db");
        assertNull(none.password());
        assertNull(MysqlUrl.password(none, Map.of()));
        assertEquals("from-env", MysqlUrl.password(none, Map.of("MYSQL_PWD", "from-env")));
        assertEquals("in-url", MysqlUrl.password(MysqlUrl.parse("mysql://root:in-url@h/db"), Map.of("MYSQL_PWD", "from-env")));
    }

    @Test
    void theRedactedFormNeverShowsThePassword() {
        MysqlUrl u = MysqlUrl.parse("mysql://u:hunter22@h:1/d");
        assertEquals("mysql://u@h:1/d", u.toString());
        assertFalse(u.toString().contains("hunter22"));
        ReadException notMysql = assertThrows(ReadException.class, () -> MysqlUrl.parse("postgresql://u:hunter22@h/d"));
        assertEquals("postgresql://***@h/d: not a MySQL/MariaDB URL (expected mysql://user@host:port/database)",
                notMysql.getMessage());
        ReadException badPort = assertThrows(ReadException.class, () -> MysqlUrl.parse("mysql://u:hunter22@h:x/d"));
        assertEquals("mysql://***@h:x/d: port 'x' is not a number", badPort.getMessage());
    }
}
