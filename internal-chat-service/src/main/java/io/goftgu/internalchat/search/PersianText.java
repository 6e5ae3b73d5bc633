package io.goftgu.internalchat.search;

/**
 * Normalises Persian text for search, the same way when storing and when querying, so that the spellings a
 * Persian keyboard, an Arabic keyboard and a phone produce all match: Arabic yeh/kaf → Persian, ZWNJ → space,
 * Persian and Arabic-Indic digits → ASCII, harakat and tatweel removed, whitespace collapsed, lower case.
 */
public final class PersianText {

    private PersianText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        boolean lastSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped;
            if (c == '\u064A' || c == '\u0649') {          // Arabic yeh, alef maksura → Persian yeh
                mapped = '\u06CC';
            } else if (c == '\u0643') {                    // Arabic kaf → Persian keheh
                mapped = '\u06A9';
            } else if (c >= '\u06F0' && c <= '\u06F9') {   // Persian digits
                mapped = (char) ('0' + (c - '\u06F0'));
            } else if (c >= '\u0660' && c <= '\u0669') {   // Arabic-Indic digits
                mapped = (char) ('0' + (c - '\u0660'));
            } else if ((c >= '\u064B' && c <= '\u0652') || c == '\u0640') { // harakat, tatweel
                continue;
            } else if (c == '\u200C' || Character.isWhitespace(c) || c == '\u00A0') { // ZWNJ, spaces
                mapped = ' ';
            } else {
                mapped = Character.toLowerCase(c);
            }
            if (mapped == ' ') {
                if (lastSpace || out.isEmpty()) {
                    continue;
                }
                lastSpace = true;
            } else {
                lastSpace = false;
            }
            out.append(mapped);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }
}
