package io.goftgu.internalchat.attachments;

import org.apache.tika.Tika;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipInputStream;

/** What a file really is, from its bytes (magic numbers), not from what the client claims. */
final class FileTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "application/pdf", "text/plain", "application/msword", DOCX, XLSX, "application/zip");
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif");
    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The detected type; zip containers are told apart (docx, xlsx, zip) by their entries, not their name. */
    static String detect(byte[] bytes, String name) {
        String type = TIKA.detect(bytes, name);
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml") || type.equals(DOCX)
                || type.equals(XLSX)) {
            return ooxmlKind(bytes);
        }
        if (type.startsWith("text/")) {
            // any text (even named .html) is served as plain text: it is only ever downloaded
            return isPlainText(bytes) ? "text/plain" : "application/octet-stream";
        }
        return type;
    }

    static boolean allowed(String type) {
        return ALLOWED.contains(type);
    }

    /** Width and height of a jpeg/png/gif, or null. */
    static int[] dimensions(byte[] bytes, String type) {
        if (!IMAGES.contains(type)) {
            return null;
        }
        try {
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image == null ? null : new int[]{image.getWidth(), image.getHeight()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String ooxmlKind(byte[] bytes) {
        boolean word = false;
        boolean excel = false;
        boolean contentTypes = false;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                var name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
            }
        } catch (IOException | IllegalArgumentException e) {
            return "application/octet-stream";
        }
        return contentTypes && word ? DOCX : contentTypes && excel ? XLSX : "application/zip";
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
