package dev.comeback.bench;

import dev.comeback.bench.conversation.ConversationScenario;
import dev.comeback.bench.discord.DiscordDeliveryScenario;
import dev.comeback.bench.reminders.ReminderScaleScenario;
import dev.comeback.bench.soak.SoakScenario;
import dev.comeback.bench.startup.StartupScenario;
import dev.comeback.bench.telegram.TelegramDeliveryScenario;

import java.util.List;
import java.util.Optional;

/** Every scenario, in the order; {@code --scenario all} runs them in this order. */
public final class Scenarios {
    public static final List<Scenario> ALL = List.of(
            new ConversationScenario(),
            new ReminderScaleScenario(),
            new TelegramDeliveryScenario(),
            new DiscordDeliveryScenario(),
            new StartupScenario(),
            new dev.comeback.bench.files.FilesScenario(),
            new SoakScenario());

    private Scenarios() {
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }
}
