package io.goftgu.files;

import org.apache.tika.Tika;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipInputStream;

/**
 * What an uploaded file really is, from its bytes (magic numbers), never from its name or the type the client
 * claims. Each service decides which of these types it accepts.
 */
public final class FileTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    public static final String DOC = "application/msword";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ZIP = "application/zip";
    public static final String UNKNOWN = "application/octet-stream";

    private static final Set<String> IMAGES = Set.of(JPEG, PNG, GIF);
    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The detected type; zip containers are told apart (docx, xlsx, zip) by their entries, not their name. */
    public static String detect(byte[] bytes) {
        var type = TIKA.detect(bytes);
        if (type.equals(ZIP) || type.equals("application/x-tika-ooxml") || type.equals(DOCX) || type.equals(XLSX)) {
            return zipKind(bytes);
        }
        if (type.equals("application/x-tika-msoffice")) {
            return DOC;
        }
        if (type.startsWith("text/")) {
            // any text (even HTML) is kept as plain text: it is only ever downloaded, never rendered
            return isPlainText(bytes) ? TEXT : UNKNOWN;
        }
        return type;
    }

    /** Width and height of a jpeg, png or gif, or null. */
    public static int[] dimensions(byte[] bytes, String type) {
        if (!IMAGES.contains(type)) {
            return null;
        }
        try {
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image == null ? null : new int[] {image.getWidth(), image.getHeight()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String zipKind(byte[] bytes) {
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
            return UNKNOWN;
        }
        return contentTypes && word ? DOCX : contentTypes && excel ? XLSX : ZIP;
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
