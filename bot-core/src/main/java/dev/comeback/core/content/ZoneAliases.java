package dev.comeback.core.content;

import java.util.List;
import java.util.Map;

/**
 * What config/time-zones.json adds to ICU4J's zone and country data, all keys in lower case:
 * {@code places} (nicknames and large cities that are not zone names, to zone ids), {@code countries}
 * (country nicknames to ISO 3166 codes), {@code ambiguous} (abbreviations that mean several zones, offered
 * as buttons in this order) and {@code majorZones} (zones offered for a typed offset, best first).
 */
public record ZoneAliases(int version, String about, Map<String, String> places, Map<String, String> countries,
                          Map<String, List<String>> ambiguous, List<String> majorZones) {
    public static final ZoneAliases NONE = new ZoneAliases(1, "", Map.of(), Map.of(), Map.of(), List.of());

    public ZoneAliases {
        about = about == null ? "" : about;
        places = places == null ? Map.of() : Map.copyOf(places);
        countries = countries == null ? Map.of() : Map.copyOf(countries);
        ambiguous = ambiguous == null ? Map.of() : Map.copyOf(ambiguous);
        majorZones = majorZones == null ? List.of() : List.copyOf(majorZones);
    }
}
