package dev.comeback.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Application settings: config/comeback.properties (packaged as comeback/comeback.properties) first, then
 * environment variables COMEBACK_&lt;KEY&gt; (db.url -> COMEBACK_DB_URL), then command-line flags.
 */
final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static Settings load(Map<String, String> env) {
        Properties defaults = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/comeback/comeback.properties")) {
            if (in == null) {
                throw new IllegalStateException("comeback/comeback.properties is missing from the classpath");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        for (String key : defaults.stringPropertyNames()) {
            String fromEnv = env.get(envName(key));
            values.put(key, fromEnv != null ? fromEnv : defaults.getProperty(key));
        }
        return new Settings(values);
    }

    static String envName(String key) {
        return "COMEBACK_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    Settings with(String key, String value) {
        Map<String, String> next = new HashMap<>(values);
        next.put(key, value);
        return new Settings(next);
    }

    String get(String key) {
        return Optional.ofNullable(values.get(key))
                .orElseThrow(() -> new IllegalStateException("setting " + key + " is missing"));
    }

    /** A setting that may be absent or empty (then ""). */
    String getOrEmpty(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).orElse("");
    }

    /** How long a reminder's delivery record is kept ({@code reminders.delivery.retention.days}, at least 1). */
    java.time.Duration deliveryRetention() {
        int days = getInt("reminders.delivery.retention.days");
        if (days < 1) {
            throw new IllegalArgumentException("setting reminders.delivery.retention.days ("
                    + envName("reminders.delivery.retention.days") + ") must be 1 or more, was " + days);
        }
        return java.time.Duration.ofDays(days);
    }

    /**
     * When the H2 file is compacted ({@code db.compact.from.mb} 0 or more, {@code db.compact.ratio} above 1,
     * {@code db.compact.dead.max.mb} 1 or more).
     *
     * @throws IllegalArgumentException naming the setting, when one is out of range or not a number
     */
    dev.comeback.core.storage.CompactionPolicy compaction() {
        String ratioKey = "db.compact.ratio";
        double ratio;
        try {
            ratio = Double.parseDouble(get(ratioKey).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + ratioKey + " (" + envName(ratioKey) + ") must be a number, was '"
                    + get(ratioKey) + "'");
        }
        int from = getInt("db.compact.from.mb");
        int dead = getInt("db.compact.dead.max.mb");
        if (from < 0 || !(ratio > 1.0) || dead < 1) {
            throw new IllegalArgumentException("settings db.compact.from.mb (0 or more, was " + from + "), "
                    + ratioKey + " (above 1, was " + ratio + ") and db.compact.dead.max.mb (1 or more, was " + dead
                    + ") are out of range");
        }
        return dev.comeback.core.storage.CompactionPolicy.ofMegabytes(from, ratio, dead);
    }

    int getInt(String key) {
        String raw = get(key);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " (" + envName(key) + ") must be a whole number, was '" + raw + "'");
        }
    }
}
