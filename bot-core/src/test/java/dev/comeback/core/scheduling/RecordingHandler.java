package dev.comeback.core.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the scheduler handed off, with the time it said it was. */
class RecordingHandler implements DueReminderHandler {
    record Due(ScheduledReminder reminder, Instant firedAt, Instant realTime) {}

    record Stale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {}

    final List<Due> due = new CopyOnWriteArrayList<>();
    final List<Stale> stale = new CopyOnWriteArrayList<>();

    @Override
    public void onDue(ScheduledReminder reminder, Instant firedAt) {
        due.add(new Due(reminder, firedAt, Instant.now()));
    }

    @Override
    public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
        stale.add(new Stale(userKey, skipped, firedAt));
    }

    List<String> dueIds() {
        return due.stream().map(d -> d.reminder().reminderId()).toList();
    }
}
