package dev.comeback.core.progress;

import dev.comeback.core.Coach;
import dev.comeback.core.content.Content;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.delivery.FileData;
import dev.comeback.core.delivery.FileRenderer;
import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.privacy.PersonalRows;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the files of /progress (the chart), /report (the PDF) and /export (the JSON) from the database, for
 * every adapter: the platforms' dispatchers call it on their render thread just before sending, the console
 * when it prints the reply. Reads only; a person with nothing stored gets an export with no state.
 */
public final class ProgressFiles implements FileRenderer {
    /** How far ahead the export lists planned reminders. */
    static final Duration PLANNED_AHEAD = Duration.ofDays(7);

    private final DataSource dataSource;
    private final Coach coach;
    private final JdbcConversationStore store;
    private final JdbcProgressHistory history;
    private final ProgressChart chart;
    private final ClinicianReport report;

    public ProgressFiles(DataSource dataSource, Coach coach, Content content) {
        this.dataSource = dataSource;
        this.coach = coach;
        this.store = new JdbcConversationStore(dataSource);
        this.history = new JdbcProgressHistory(dataSource);
        this.chart = new ProgressChart(content.protocol());
        this.report = new ClinicianReport(content);
    }

    /**
     * @throws IllegalStateException for a chart or report of someone with nothing stored, or a chart of fewer
     *                               than two check-ins
     */
    @Override
    public FileData render(UserRef user, Attachment attachment, Instant now) {
        String key = user.key();
        Optional<ConversationState> state = store.load(key);
        List<ProgressEvent> events = history.events(key);
        return switch (attachment.kind()) {
            case CHART -> new FileData(attachment.kind(), chart.png(data(key, state, events, now)));
            case REPORT -> new FileData(attachment.kind(), report.pdf(data(key, state, events, now)));
            case EXPORT -> new FileData(attachment.kind(), DataExport.json(key, state, events, rows(key),
                    state.isPresent() ? coach.plannedReminders(user, now, now.plus(PLANNED_AHEAD)) : List.of(), now));
        };
    }

    private static ProgressData data(String key, Optional<ConversationState> state, List<ProgressEvent> events, Instant now) {
        return new ProgressData(key, state.orElseThrow(() -> new IllegalStateException("nothing stored about " + key)), events, now);
    }

    private Map<String, List<Map<String, Object>>> rows(String key) {
        try (Connection c = dataSource.getConnection()) {
            return PersonalRows.rows(c, key);
        } catch (SQLException e) {
            throw new StorageException("cannot read the rows of " + key, e);
        }
    }
}
