package dev.comeback.discord;

import dev.comeback.core.delivery.Layout;
import dev.comeback.core.delivery.Part;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderTest {
    private static final String BOT = "900000000000000001";

    @Test
    void markdownAPersonTypedIsEscaped() {
        MessageCreateData m = Render.create(new Part("You said: **ouch** _really_ `x` ~~no~~", List.of(), false), BOT);
        assertThat(m.getContent()).isEqualTo("You said: \\*\\*ouch\\*\\* \\_really\\_ \\`x\\` \\~~no\\~~");
        assertThat(m.getAllowedMentions()).isEmpty();
    }

    @Test
    void buttonsSitFiveToARowAndAtMostFiveRows() {
        List<Button> pain = IntStream.rangeClosed(0, 10).mapToObj(i -> new Button(String.valueOf(i), "p:" + i)).toList();
        List<ActionRow> rows = Render.rows(new Part("Pain?", pain, false), BOT);
        assertThat(rows).extracting(r -> r.getComponents().size()).containsExactly(5, 5, 1);
        List<Button> many = IntStream.range(0, 40).mapToObj(i -> new Button("b" + i, "d" + i)).toList();
        assertThat(Render.rows(new Part("Many", many, false), BOT)).hasSize(5);
    }

    @Test
    void thePrivatePointerIsALinkToTheBot() {
        List<ActionRow> rows = Render.rows(new Part("I coach privately.", List.of(), true), BOT);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.getButtons().get(0).getUrl())
                .isEqualTo("https://discord.com/users/" + BOT));
    }

    @Test
    void textIsSplitUnderDiscordsLimitAsEscaped() {
        String text = ("a*b_c ".repeat(30) + "\n").repeat(30);
        List<Part> parts = new Layout(Render.MAX_TEXT, Render::escape).parts(List.of(Reply.text(text)));
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(Render.escape(p.text()).length()).isLessThanOrEqualTo(2000));
    }

    @Test
    void everySlashCommandFitsDiscordsRules() {
        assertThat(DiscordBot.slashCommands()).allSatisfy(c -> {
            assertThat(c.getName()).matches("[a-z0-9_-]{1,32}");
            assertThat(c.getDescription().length()).isBetween(1, 100);
        });
    }
}
