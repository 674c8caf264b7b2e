package dev.comeback.core.conversation;

/** What a person's input means once the platform is out of the way. */
sealed interface Input {
    /** "/name" with whatever followed it ({@code args}, trimmed, possibly empty). */
    record Command(String name, String args) implements Input {
    }

    /** A pressed button, or typed text equal to a button's label: {@code promptId} names the question. */
    record Choice(String promptId, String optionId) implements Input {
    }

    record FreeText(String text) implements Input {
    }

    record Empty() implements Input {
    }

    record TooLong(int length) implements Input {
    }
}
