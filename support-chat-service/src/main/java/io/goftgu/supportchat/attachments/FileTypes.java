package io.goftgu.supportchat.attachments;

import org.apache.tika.Tika;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipInputStream;

/** What a file is by its bytes (magic numbers), never by what the client claims. */
final class FileTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "application/pdf", "text/plain", "application/msword", DOCX);
    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    static String detect(byte[] bytes) {
        var type = TIKA.detect(bytes);
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml") || type.equals(DOCX)) {
            return isWordDocument(bytes) ? DOCX : "application/zip";
        }
        if (type.equals("application/x-tika-msoffice")) {
            return "application/msword";
        }
        if (type.startsWith("text/")) {
            return isPlainText(bytes) ? "text/plain" : "application/octet-stream";
        }
        return type;
    }

    private static boolean isWordDocument(byte[] bytes) {
        boolean contentTypes = false;
        boolean word = false;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                word |= entry.getName().startsWith("word/");
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return contentTypes && word;
    }

    private static boolean isPlainText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
