package dev.comeback.discord;

import dev.comeback.core.group.GroupCommands;
import dev.comeback.core.group.GroupDirectory;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coaching groups on Discord: a server's text channel is the group. Group commands are slash commands usable
 * in servers only; who may run coach commands is read from the Manage Server permission of the member who
 * ran the command, as the interaction brings it; names come from the same interaction. The bot may open a
 * DM with anyone in the server, so {@code /join} joins at once and continues in DMs.
 */
final class DiscordGroups implements GroupDirectory {
    private static final int REMEMBERED = 10_000;

    /** The core's group commands as slash commands, with typed options (a member to nudge is a user option). */
    static List<SlashCommandData> slashCommands() {
        return GroupCommands.ALL.stream().map(c -> {
            SlashCommandData data = slash(c.name(), c.description());
            switch (c.name()) {
                case "coach" -> data.addOption(OptionType.STRING, "time", "Daily digest time, like 19:00", false)
                        .addOption(OptionType.STRING, "zone", "Time zone of the digest, like Europe/Berlin", false);
                case "nudge" -> data.addOption(OptionType.USER, "member", "Who to nudge", true);
                case "warmup" -> data.addOption(OptionType.STRING, "schedule", "Training days and start time, or off", true);
                default -> { }
            }
            return data;
        }).toList();
    }

    private static SlashCommandData slash(String name, String description) {
        return net.dv8tion.jda.api.interactions.commands.build.Commands.slash(name, description)
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    private final Map<String, Boolean> admins = bounded();
    private final Map<String, Name> names = bounded();
    private final Map<String, String> titles = bounded();

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /** Notes what a group command's interaction says about the member and the channel, before its turn runs. */
    void saw(SlashCommandInteractionEvent event) {
        String user = event.getUser().getId();
        String channel = event.getChannel().getId();
        Member member = event.getMember();
        admins.put(user + "/" + channel, member != null && member.hasPermission(Permission.MANAGE_SERVER));
        String display = member != null ? member.getEffectiveName() : event.getUser().getEffectiveName();
        names.put(user, new Name(display, event.getUser().getName()));
        String guild = event.getGuild() != null ? event.getGuild().getName() + " " : "";
        titles.put(channel, guild + "#" + event.getChannel().getName());
    }

    @Override
    public boolean isAdmin(UserRef user, ChatRef group) {
        return admins.getOrDefault(user.id() + "/" + group.id(), false);
    }

    @Override
    public Name nameOf(UserRef user, ChatRef group) {
        return names.getOrDefault(user.id(), new Name(user.id(), user.id()));
    }

    @Override
    public String titleOf(ChatRef group) {
        return titles.getOrDefault(group.id(), "this channel");
    }

    @Override
    public boolean mayWriteFirst() {
        return true;
    }
}
