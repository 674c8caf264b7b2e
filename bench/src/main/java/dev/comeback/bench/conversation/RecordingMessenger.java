package dev.comeback.bench.conversation;

import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Stands in for a platform: counts what it is handed, and the replies that say the core failed. */
public final class RecordingMessenger implements Messenger {
    /** The start of the core's apology for a turn it could not take in (Coach.OUR_FAULT). */
    private static final String OUR_FAULT = "Sorry, something went wrong on my side";

    private final LongAdder messages = new LongAdder();
    private final LongAdder faults = new LongAdder();

    @Override
    public void send(UserRef to, List<Reply> replies) {
        messages.increment();
        if (replies.stream().anyMatch(r -> r.text().startsWith(OUR_FAULT))) {
            faults.increment();
        }
    }

    public long messages() {
        return messages.sum();
    }

    public long faults() {
        return faults.sum();
    }
}
