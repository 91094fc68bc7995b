package io.schemaplan.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.schemaplan.model.QName;
import org.junit.jupiter.api.Test;

/** CommentKey writes out its equals and hashCode (see the model package's documentation): each component counts. */
class CommentKeyTest {
    @Test
    void equalExactlyWhenEveryComponentIs() {
        QName t = QName.of("public", "messages");
        DumpSchema.CommentKey key = new DumpSchema.CommentKey("COLUMN", t, "query");
        DumpSchema.CommentKey same = new DumpSchema.CommentKey("COLUMN", QName.of("public", "messages"), "query");
        assertEquals(key, same);
        assertEquals(key.hashCode(), same.hashCode());
        assertNotEquals(key, new DumpSchema.CommentKey("TABLE", t, "query"));
        assertNotEquals(key, new DumpSchema.CommentKey("COLUMN", QName.of("public", "conversations"), "query"));
        assertNotEquals(key, new DumpSchema.CommentKey("COLUMN", t, "answer"));
        assertNotEquals(key, new DumpSchema.CommentKey("COLUMN", t, null));
        assertEquals(new DumpSchema.CommentKey("TABLE", t, null), new DumpSchema.CommentKey("TABLE", t, null));
    }
}
