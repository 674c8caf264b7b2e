package dev.comeback.core.conversation;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.comeback.core.content.ZoneAliases;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time zone as people type it: a zone name (Europe/Berlin), a city (Berlin, New York, Munich),
 * a country (India, Germany), an abbreviation or zone name (EST, CEST, Eastern Time), or an offset (UTC-5,
 * GMT+2, -05:30). Zone, city, country and abbreviation data come from ICU4J; config/time-zones.json adds
 * nicknames, large cities that are not zone names, abbreviations that mean several zones and the major zones
 * offered for an offset. Offsets are never taken silently: they offer the major zones at that offset now,
 * with a fixed offset as the last choice. Pure apart from reading ICU's data once.
 */
public final class ZoneReader {
    /** Offsets people may live at: UTC-12:00 to UTC+14:00. */
    public static final int MIN_OFFSET_HOURS = -12;
    public static final int MAX_OFFSET_HOURS = 14;
    /** Most zones offered for one answer. */
    public static final int MAX_CHOICES = 6;
    private static final int OFFSET_CHOICES = 3;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern OFFSET = Pattern.compile(
            "(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?:[:.h]?(\\d{2}))?(?:\\s*h(?:ours?)?)?");
    private static final Pattern LEAD_IN = Pattern.compile("^(?:i'?m in|i am in|i live in|in|it'?s|my time ?zone is|time ?zone:?)\\s+");

    /** What a typed time zone turned out to be. */
    public sealed interface Result {
        /** One zone: take it. */
        record Found(ZoneId zone) implements Result {
        }

        /**
         * Several zones fit: ask with buttons. {@code fixed} is the offset to offer last (for a typed offset),
         * {@code question} says why there is a choice.
         */
        record Choose(String question, List<ZoneId> zones, Optional<ZoneOffset> fixed) implements Result {
            public Choose {
                zones = List.copyOf(zones);
            }
        }

        /** Recognised and refused, with the reason to tell the person (an offset no place uses). */
        record Refused(String reason) implements Result {
        }

        /** Not a time zone I know. */
        record Unknown() implements Result {
        }
    }

    private final ZoneAliases aliases;

    public ZoneReader(ZoneAliases aliases) {
        this.aliases = aliases;
    }

    /** Reads {@code text}; {@code now} decides which zones sit at a typed offset and what a country's zones are. */
    public Result read(String text, Instant now) {
        String t = normalise(text);
        if (t.isEmpty() || t.length() > 64) {
            return new Result.Unknown();
        }
        t = LEAD_IN.matcher(t).replaceFirst("");
        if (Set.of("utc", "gmt", "z", "zulu", "utc+0", "gmt+0", "utc0", "gmt0", "utc+00:00", "etc/utc", "universal").contains(t)) {
            return new Result.Found(UTC);
        }
        List<String> ambiguous = aliases.ambiguous().get(t);
        if (ambiguous != null) {
            return choose(t.toUpperCase(Locale.ROOT) + " can mean more than one zone. Which is yours?",
                    ambiguous.stream().map(ZoneId::of).toList(), Optional.empty());
        }
        String place = aliases.places().get(t);
        if (place != null) {
            return new Result.Found(ZoneId.of(place));
        }
        Icu icu = Icu.get();
        String id = icu.byId.get(t.replace(' ', '_'));
        if (id == null) {
            id = icu.byCity.get(t.replace('_', ' '));
        }
        if (id != null) {
            return zone(id).<Result>map(Result.Found::new).orElseGet(Result.Unknown::new);
        }
        String country = aliases.countries().get(t);
        if (country == null) {
            country = icu.byCountry.get(t.startsWith("the ") ? t.substring(4) : t);
        }
        if (country != null) {
            return country(country, now);
        }
        Set<String> named = icu.byZoneName.get(t);
        if (named != null) {
            List<ZoneId> zones = named.stream().map(ZoneReader::zone).flatMap(Optional::stream).distinct().toList();
            if (zones.size() == 1) {
                return new Result.Found(zones.get(0));
            }
            if (!zones.isEmpty()) {
                return choose(text.strip() + " can mean more than one zone. Which is yours?", zones, Optional.empty());
            }
        }
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            return offset(m, text.strip(), now);
        }
        return new Result.Unknown();
    }

    private Result country(String code, Instant now) {
        Icu icu = Icu.get();
        String name = countryName(code);
        // One zone per metazone in use there now (Germany's Berlin and Busingen keep the same time).
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, code, null)) {
            String mz = icu.names.getMetaZoneID(id, now.toEpochMilli());
            groups.computeIfAbsent(mz == null ? id : mz, k -> new ArrayList<>()).add(id);
        }
        List<ZoneId> zones = new ArrayList<>();
        groups.forEach((mz, ids) -> {
            // A major zone from config/time-zones.json names the group best, then ICU's reference zone for the country.
            Optional<ZoneId> major = ids.stream().map(ZoneReader::zone).flatMap(Optional::stream)
                    .filter(z -> aliases.majorZones().contains(z.getId())).findFirst();
            String ref = icu.names.getReferenceZoneID(mz, code);
            major.or(() -> zone(ref != null && ids.contains(ref) ? ref : ids.get(0))).ifPresent(zones::add);
        });
        if (zones.isEmpty()) {
            return new Result.Unknown();
        }
        if (zones.size() == 1) {
            return new Result.Found(zones.get(0));
        }
        // East to west: ZoneOffset sorts the highest offset first.
        zones.sort(Comparator.comparing((ZoneId z) -> z.getRules().getOffset(now)).thenComparing(ZoneId::getId));
        if (aliases.majorZones().isEmpty() || zones.size() <= MAX_CHOICES) {
            return choose(name + " has " + zones.size() + " time zones. Which is yours? (Or type your city.)", zones, Optional.empty());
        }
        List<ZoneId> major = new ArrayList<>(zones.stream().filter(z -> aliases.majorZones().contains(z.getId())).toList());
        zones.stream().filter(z -> !major.contains(z)).forEach(major::add);
        List<ZoneId> shown = new ArrayList<>(major.subList(0, MAX_CHOICES));
        shown.sort(Comparator.comparing((ZoneId z) -> z.getRules().getOffset(now)).thenComparing(ZoneId::getId));
        return choose(name + " has " + zones.size() + " time zones. Is yours one of these? If not, type your city.", shown, Optional.empty());
    }

    private Result offset(Matcher m, String typed, Instant now) {
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        int total = sign * (hours * 60 + minutes);
        if (minutes >= 60 || total < MIN_OFFSET_HOURS * 60 || total > MAX_OFFSET_HOURS * 60) {
            return new Result.Refused("No place on Earth is at " + typed + ": offsets run from UTC-12 to UTC+14.");
        }
        if (total == 0) {
            return new Result.Found(UTC);
        }
        ZoneOffset offset;
        try {
            offset = ZoneOffset.ofTotalSeconds(total * 60);
        } catch (DateTimeException e) {
            return new Result.Refused("No place on Earth is at " + typed + ": offsets run from UTC-12 to UTC+14.");
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : aliases.majorZones()) {
            ZoneId z = ZoneId.of(id);
            if (z.getRules().getOffset(now).equals(offset) && zones.size() < OFFSET_CHOICES) {
                zones.add(z);
            }
        }
        if (zones.isEmpty()) {
            Icu icu = Icu.get();
            for (String mz : icu.names.getAvailableMetaZoneIDs()) {
                Optional<ZoneId> z = zone(icu.names.getReferenceZoneID(mz, "001"));
                if (z.isPresent() && z.get().getRules().getOffset(now).equals(offset) && !zones.contains(z.get())
                        && zones.size() < OFFSET_CHOICES) {
                    zones.add(z.get());
                }
            }
        }
        String at = "UTC" + offset.getId();
        String question = (zones.isEmpty() ? "Where are you? " : "Places at " + at + " right now include these. Which is yours? ")
                + "A fixed " + at + " does not follow daylight saving: if your clocks change in spring or autumn,"
                + " pick your place (or type your city) so reminders stay on time all year.";
        return new Result.Choose(question, zones, Optional.of(offset));
    }

    private static Result choose(String question, List<ZoneId> zones, Optional<ZoneOffset> fixed) {
        return new Result.Choose(question, zones.size() > MAX_CHOICES ? zones.subList(0, MAX_CHOICES) : zones, fixed);
    }

    // ---- names ---------------------------------------------------------------------------------------

    /** The place a zone is named after, in English: "New York", "Kolkata", "UTC", "UTC-05:00". */
    public static String placeName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT") || id.equals("Z")) {
            return "UTC";
        }
        String name = Icu.get().names.getExemplarLocationName(TimeZone.getCanonicalID(id));
        if (name == null || name.isBlank()) {
            int slash = id.lastIndexOf('/');
            name = id.substring(slash + 1).replace('_', ' ');
        }
        return name;
    }

    /** A button label: the place and its country, "Kolkata, India"; "Fixed UTC-05:00" for an offset. */
    public static String label(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return "Fixed " + placeName(zone);
        }
        String region = TimeZone.getRegion(TimeZone.getCanonicalID(zone.getId()) == null ? zone.getId() : TimeZone.getCanonicalID(zone.getId()));
        String place = placeName(zone);
        return region == null || region.equals("001") ? place : place + ", " + countryName(region);
    }

    /** "New York, 09:14 now (America/New_York)": the confirmation that names the zone and its local time. */
    public static String describe(ZoneId zone, Instant now) {
        String clock = CLOCK.format(now.atZone(zone));
        String place = placeName(zone);
        String id = zone.getId();
        return place + ", " + clock + " now" + (place.equals(id) || place.equals("UTC") || zone instanceof ZoneOffset ? "" : " (" + id + ")");
    }

    private static String countryName(String code) {
        return new ULocale("", code).getDisplayCountry(ULocale.ENGLISH);
    }

    /** A zone id as java.time knows it, under its current IANA name (Asia/Calcutta becomes Asia/Kolkata). */
    private static Optional<ZoneId> zone(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String iana = TimeZone.getIanaID(id);
        for (String candidate : new String[] {iana, id}) {
            if (candidate != null && !candidate.equals(TimeZone.UNKNOWN_ZONE_ID)) {
                try {
                    return Optional.of(ZoneId.of(candidate));
                } catch (DateTimeException e) {
                    // try the next spelling
                }
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return t.toLowerCase(Locale.ROOT).strip().replaceAll("[.!?]+$", "").replaceAll("\\s+", " ").strip();
    }

    /** ICU's zone data, indexed once by the lower-case names people type. */
    private static final class Icu {
        private static volatile Icu instance;
        private static final String[] ENGLISHES = {"en", "en_GB", "en_IN", "en_AU", "en_CA", "en_IE", "en_NZ"};

        final TimeZoneNames names = TimeZoneNames.getInstance(ULocale.ENGLISH);
        final Map<String, String> byId = new HashMap<>();
        final Map<String, String> byCity = new HashMap<>();
        final Map<String, String> byCountry = new HashMap<>();
        final Map<String, Set<String>> byZoneName = new HashMap<>();

        static Icu get() {
            Icu icu = instance;
            if (icu == null) {
                synchronized (Icu.class) {
                    icu = instance;
                    if (icu == null) {
                        icu = new Icu();
                        instance = icu;
                    }
                }
            }
            return icu;
        }

        private Icu() {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                    byId.put(id.toLowerCase(Locale.ROOT), id);
                    boolean regional = id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.*");
                    if (regional) {
                        String city = normalise(id.substring(id.lastIndexOf('/') + 1).replace('_', ' '));
                        // Keep the shortest id per city: America/Indiana/Indianapolis loses to America/Indianapolis.
                        byCity.merge(city, id, (a, b) -> a.length() <= b.length() ? a : b);
                    }
                }
            }
            for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
                String city = names.getExemplarLocationName(id);
                if (city != null) {
                    byCity.putIfAbsent(normalise(city), id);
                }
            }
            for (String code : ULocale.getISOCountries()) {
                String name = normalise(new ULocale("", code).getDisplayCountry(ULocale.ENGLISH));
                byCountry.putIfAbsent(name, code);
                byCountry.putIfAbsent(name.replace("&", "and"), code);
                Matcher paren = Pattern.compile("(.*?)\\s*\\((.*)\\)").matcher(name);
                if (paren.matches()) {
                    byCountry.putIfAbsent(paren.group(1), code);
                    byCountry.putIfAbsent(paren.group(2), code);
                }
            }
            for (String locale : ENGLISHES) {
                TimeZoneNames local = TimeZoneNames.getInstance(new ULocale(locale));
                for (String mz : local.getAvailableMetaZoneIDs()) {
                    String golden = local.getReferenceZoneID(mz, "001");
                    if (golden == null) {
                        continue;
                    }
                    for (TimeZoneNames.NameType type : TimeZoneNames.NameType.values()) {
                        String name = local.getMetaZoneDisplayName(mz, type);
                        if (name != null && !name.startsWith("GMT")) {
                            byZoneName.computeIfAbsent(normalise(name), k -> new LinkedHashSet<>()).add(golden);
                        }
                    }
                }
            }
        }
    }
}
