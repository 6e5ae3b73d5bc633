package io.goftgu.files;

import org.apache.tika.Tika;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

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

    /** Bytes the magic-number detection looks at: every signature Tika knows sits well inside this prefix. */
    static final int PREFIX = 64 * 1024;
    /** Entries of a zip container looked at when telling docx, xlsx and zip apart. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * The detected type; zip containers are told apart (docx, xlsx, zip) by the entry names of their central
     * directory, not their name. Bounded work whatever the file: the magic numbers come from a 64 KiB prefix, a zip is
     * never inflated (a zip bomb costs what its directory costs), at most 10,000 entry names are read.
     */
    public static String detect(byte[] bytes) {
        var type = TIKA.detect(bytes.length <= PREFIX ? bytes : Arrays.copyOf(bytes, PREFIX));
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

    /**
     * Width and height of a jpeg, png or gif, or null. Read from the image's header only: the pixels are never
     * decoded, so a small file declaring a huge image (a decompression bomb) costs nothing.
     */
    public static int[] dimensions(byte[] bytes, String type) {
        if (!IMAGES.contains(type)) {
            return null;
        }
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (input == null) {
                return null;
            }
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads the central directory (java.util.zip.ZipFile), never an entry's data. */
    private static String zipKind(byte[] bytes) {
        boolean word = false;
        boolean excel = false;
        boolean contentTypes = false;
        Path file = null;
        try {
            file = Files.createTempFile("goftgu-zip", ".bin");
            Files.write(file, bytes);
            try (var zip = new ZipFile(file.toFile())) {
                var entries = zip.entries();
                for (int i = 0; i < MAX_ENTRIES && entries.hasMoreElements(); i++) {
                    var name = entries.nextElement().getName();
                    contentTypes |= name.equals("[Content_Types].xml");
                    word |= name.startsWith("word/");
                    excel |= name.startsWith("xl/");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp directory
                }
            }
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
