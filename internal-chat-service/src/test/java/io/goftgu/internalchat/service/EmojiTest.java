package io.goftgu.internalchat.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reaction emoji validation, as plain JUnit. */
class EmojiTest {

    @Test
    void emojiWithModifiersJoinersAndFlagsAreAccepted() {
        for (var emoji : List.of("👍", "❤️", "👍🏽", "👨‍👩‍👧", "🇮🇷", "✅", "🎉", "©️", "1️⃣")) {
            assertTrue(Emoji.isValid(emoji), emoji);
        }
    }

    @Test
    void textDigitsMixesAndLongSequencesAreRefused() {
        for (var text : List.of("", " ", "a", "ok", "1", "#", "سلام", "👍a", "a👍", "<script>", "👍".repeat(11))) {
            assertFalse(Emoji.isValid(text), text);
        }
        assertFalse(Emoji.isValid(null));
    }
}
