package dev.comeback.core.conversation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a typed time zone: a zone name (Europe/Berlin), a city (Berlin, new york) or an offset (UTC+2, -05:30). */
public final class TimeZones {
    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");
    private static final Map<String, String> BY_LOWER_NAME = new HashMap<>();
    private static final Map<String, String> BY_CITY = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_NAME.put(id.toLowerCase(Locale.ROOT), id);
            int slash = id.lastIndexOf('/');
            boolean regional = id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.*");
            if (slash > 0 && regional) {
                String city = id.substring(slash + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
                // Keep the shortest id per city: America/Indiana/Indianapolis loses to America/Indianapolis.
                BY_CITY.merge(city, id, (a, b) -> a.length() <= b.length() ? a : b);
            }
        }
    }

    private TimeZones() {
    }

    public static Optional<ZoneId> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > 64) {
            return Optional.empty();
        }
        if (t.equals("utc") || t.equals("gmt") || t.equals("z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        String byName = BY_LOWER_NAME.get(t.replace(' ', '_'));
        if (byName != null) {
            return Optional.of(ZoneId.of(byName));
        }
        String byCity = BY_CITY.get(t.replace('_', ' '));
        if (byCity != null) {
            return Optional.of(ZoneId.of(byCity));
        }
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            try {
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
