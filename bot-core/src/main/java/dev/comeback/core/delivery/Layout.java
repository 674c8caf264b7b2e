package dev.comeback.core.delivery;

import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lays one turn's replies out as platform messages. Text-only replies of a turn share a message (every
 * message to a chat costs a slot of its rate limit); a reply with buttons ends one, its buttons going under
 * it. Text longer than the platform allows, measured as it will be on the wire (escaped), is split at line or
 * word breaks. A reply with a file is a message of its own, its text the caption (a caption longer than
 * the platform allows goes as text before it). The same replies always lay out the same way, so a restart
 * resumes at the right part.
 */
public final class Layout {
    private final int maxText;
    private final int maxCaption;
    private final UnaryOperator<String> escape;

    public Layout(int maxText, UnaryOperator<String> escape) {
        this(maxText, DeliveryLimits.DEFAULT_MAX_CAPTION, escape);
    }

    public Layout(int maxText, int maxCaption, UnaryOperator<String> escape) {
        this.maxText = maxText;
        this.maxCaption = maxCaption;
        this.escape = escape;
    }

    public static Layout of(PlatformSender sender) {
        return new Layout(sender.limits().maxText(), sender.limits().maxCaption(), sender::escape);
    }

    public List<Part> parts(List<Reply> replies) {
        List<Part> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean pointer = false;
        String start = "";
        for (Reply reply : replies) {
            if (reply.attachment().isPresent()) {
                if (pending.length() > 0) {
                    split(pending.toString(), List.of(), pointer, start, parts);
                    pending.setLength(0);
                    pointer = false;
                    start = "";
                }
                String caption = reply.text();
                if (wire(caption) > maxCaption) {
                    split(caption, List.of(), false, "", parts);
                    caption = "";
                }
                parts.add(new Part(caption, reply.buttons(), reply.privatePointer(), reply.pointerStart(), reply.attachment(),
                        java.util.Optional.empty()));
                continue;
            }
            if (pending.length() > 0 && wire(pending + "\n\n" + reply.text()) > maxText) {
                split(pending.toString(), List.of(), pointer, start, parts);
                pending.setLength(0);
                pointer = false;
                start = "";
            }
            if (pending.length() > 0) {
                pending.append("\n\n");
            }
            pending.append(reply.text());
            pointer |= reply.privatePointer();
            if (!reply.pointerStart().isEmpty()) {
                start = reply.pointerStart();
            }
            if (reply.hasButtons()) {
                split(pending.toString(), reply.buttons(), pointer, start, parts);
                pending.setLength(0);
                pointer = false;
                start = "";
            }
        }
        if (pending.length() > 0) {
            split(pending.toString(), List.of(), pointer, start, parts);
        }
        return parts;
    }

    private int wire(String text) {
        return escape.apply(text).length();
    }

    /** Adds {@code text} as parts that fit once escaped; buttons and the pointer go on the last. */
    private void split(String text, List<Button> buttons, boolean pointer, String start, List<Part> parts) {
        String rest = text;
        while (wire(rest) > maxText) {
            int fits = fitting(rest);
            int cut = breakBefore(rest, fits);
            parts.add(new Part(rest.substring(0, cut).stripTrailing(), List.of(), false));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(new Part(rest, buttons, pointer, start));
    }

    /** The longest prefix of {@code text} (in chars) that is within the limit once escaped. */
    private int fitting(String text) {
        int n = Math.min(maxText, text.length() - 1);
        while (n > 1 && wire(text.substring(0, n)) > maxText) {
            n -= Math.max(1, (wire(text.substring(0, n)) - maxText + 1) / 2);
        }
        return Math.max(1, n);
    }

    /** The best place to cut at or before {@code max}: a line break, else a space, else anywhere but inside a surrogate pair. */
    public static int breakBefore(String text, int max) {
        int newline = text.lastIndexOf('\n', max);
        if (newline > max / 2) {
            return newline;
        }
        int space = text.lastIndexOf(' ', max);
        if (space > max / 2) {
            return space;
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}
