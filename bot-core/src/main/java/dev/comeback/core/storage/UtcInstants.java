package dev.comeback.core.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in TIMESTAMP WITH TIME ZONE columns, written in UTC, independent of the JVM's time zone. */
public final class UtcInstants {
    private UtcInstants() {
    }

    public static void set(PreparedStatement s, int index, Instant instant) throws SQLException {
        s.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant get(ResultSet r, int index) throws SQLException {
        return r.getObject(index, OffsetDateTime.class).toInstant();
    }
}
