package io.goftgu.internalchat.service;

import io.goftgu.problem.Problems;

/** A reaction emoji: 1 to 10 code points, made only of emoji parts, with at least one pictograph. */
final class Emoji {

    static final int MAX_CODE_POINTS = 10;

    private Emoji() {
    }

    static String require(String raw) {
        if (!isValid(raw)) {
            throw Problems.invalid("emoji", "must be one emoji (at most " + MAX_CODE_POINTS + " characters)");
        }
        return raw;
    }

    static boolean isValid(String raw) {
        if (raw == null || raw.isEmpty() || raw.codePointCount(0, raw.length()) > MAX_CODE_POINTS) {
            return false;
        }
        boolean pictograph = false;
        for (int cp : raw.codePoints().toArray()) {
            boolean regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
            if (cp == 0x20E3) {
                pictograph = true; // a keycap: 1️⃣, #️⃣
            } else if (Character.isExtendedPictographic(cp) || Character.isEmojiPresentation(cp) || regional) {
                pictograph |= cp > 0x7F;
            } else if (!(Character.isEmoji(cp) || Character.isEmojiComponent(cp) || Character.isEmojiModifier(cp)
                    || cp == 0x200D || cp == 0xFE0F)) {
                return false;
            }
        }
        return pictograph;
    }
}
