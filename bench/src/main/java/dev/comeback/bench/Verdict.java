package dev.comeback.bench;

/** How one measured row compares with what it should be. */
public enum Verdict {
    /** A target met. */
    PASS,
    /** A target missed: reported, and a full run exits non-zero. */
    MISS,
    /** A correctness check failed (something fired early or twice, a message went unanswered): always fails. */
    FAIL,
    /** A number reported without a target. */
    INFO
}
