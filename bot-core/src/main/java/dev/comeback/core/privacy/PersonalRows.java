package dev.comeback.core.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row about a person, wherever it is: the tables of the database's current schema that have a column
 * named in {@link #KEY_COLUMNS}, found through JDBC metadata, so a table added later by a migration (group
 * memberships, say) is exported and forgotten without a change here. Quartz's tables key jobs by job
 * group, not by such a column: the reminder scheduler drops those (see {@code ReminderPlanSync}).
 */
public final class PersonalRows {
    /** The columns that hold a person's key ({@code telegram:123}), as every Comeback table names it. */
    public static final List<String> KEY_COLUMNS = List.of("user_key");

    private PersonalRows() {
    }

    /** Table name to the key column it holds, for every table of the current schema with one; sorted by name. */
    public static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet columns = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (columns.next()) {
                String column = columns.getString("COLUMN_NAME");
                if (KEY_COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
                    found.putIfAbsent(columns.getString("TABLE_NAME"), column);
                }
            }
        }
        return found;
    }

    /** Deletes every row with {@code userKey} in a key column, on {@code c} (in the caller's transaction); returns how many. */
    public static int delete(Connection c, String userKey) throws SQLException {
        int deleted = 0;
        for (Map.Entry<String, String> table : tables(c).entrySet()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + quote(c, table.getKey()) + " WHERE " + quote(c, table.getValue()) + " = ?")) {
                s.setString(1, userKey);
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /**
     * Every row with {@code userKey} in a key column, by table (lower-case names), each row as column (lower
     * case) to value: text, numbers and booleans as they are, times as ISO-8601 UTC instants.
     */
    public static Map<String, List<Map<String, Object>>> rows(Connection c, String userKey) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        for (Map.Entry<String, String> table : tables(c).entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + quote(c, table.getKey()) + " WHERE " + quote(c, table.getValue()) + " = ?")) {
                s.setString(1, userKey);
                try (ResultSet r = s.executeQuery()) {
                    ResultSetMetaData m = r.getMetaData();
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            row.put(m.getColumnLabel(i).toLowerCase(Locale.ROOT), plain(r.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
            }
            out.put(table.getKey().toLowerCase(Locale.ROOT), rows);
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return value.toString();
        }
        return value;
    }

    private static String quote(Connection c, String identifier) throws SQLException {
        String q = c.getMetaData().getIdentifierQuoteString();
        return q == null || q.isBlank() ? identifier : q + identifier.replace(q, q + q) + q;
    }
}
