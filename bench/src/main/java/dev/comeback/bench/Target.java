package dev.comeback.bench;

/** A capacity target, as written in the issue ({@code text}), and whether a measured value meets it. */
public record Target(String text, double bound, boolean atLeast) {
    public static Target atLeast(double bound, String text) {
        return new Target(text, bound, true);
    }

    public static Target below(double bound, String text) {
        return new Target(text, bound, false);
    }

    public boolean metBy(double value) {
        return atLeast ? value >= bound : value < bound;
    }
}
