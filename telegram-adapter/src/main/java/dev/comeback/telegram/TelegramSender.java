package dev.comeback.telegram;

import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.Outcome;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Part;
import dev.comeback.core.delivery.PlatformSender;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;

/**
 * Telegram's side of delivery: render a part, send it with the client, and map Telegram's answer: sent (as
 * the message Telegram made, {@code <chat id>/<message id>}, see {@link UpdateReader#messageId}), 429 with
 * {@code retry_after} (rate-limited, and bot-wide: Telegram does not say whether it meant one chat or the
 * bot, so every chat waits), 403 (the person blocked the bot), 400 (malformed), anything else or
 * no answer (transient).
 */
final class TelegramSender implements PlatformSender {
    private final TelegramClient client;
    private final MessageWriter writer;
    private final DeliveryLimits limits;
    private final Clock clock;

    TelegramSender(TelegramClient client, MessageWriter writer, DeliveryLimits limits, Clock clock) {
        this.client = client;
        this.writer = writer;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return UpdateReader.PLATFORM;
    }

    @Override
    public DeliveryLimits limits() {
        return limits;
    }

    @Override
    public String escape(String text) {
        return MessageWriter.escape(text);
    }

    @Override
    public Outcome send(OutboxMessage message, Part part, int index) {
        try {
            Message sent;
            if (part.file().isPresent()) {
                PartialBotApiMethod<Message> upload = writer.renderFile(message.chat().id(), part, part.file().get());
                if (upload instanceof SendPhoto photo) {
                    sent = client.execute(photo);
                } else {
                    sent = client.execute((SendDocument) upload);
                }
            } else {
                sent = client.execute(writer.render(message.chat().id(), part));
            }
            return sent == null || sent.getMessageId() == null || sent.getChatId() == null ? new Outcome.Sent()
                    : Outcome.sent(UpdateReader.messageId(sent.getChatId(), sent.getMessageId()));
        } catch (TelegramApiRequestException e) {
            int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
            return switch (code) {
                case 429 -> {
                    Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    yield new Outcome.RateLimited(clock.instant().plusSeconds(seconds == null || seconds < 1 ? 1 : seconds), true);
                }
                case 403 -> new Outcome.Unreachable(String.valueOf(e.getApiResponse()));
                case 400 -> new Outcome.Rejected(String.valueOf(e.getApiResponse()));
                default -> new Outcome.Transient("Telegram answered " + code + " " + e.getApiResponse());
            };
        } catch (TelegramApiException e) {
            return new Outcome.Transient("no answer from Telegram: " + e.getMessage());
        }
    }
}
