package io.goftgu.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Plain JUnit: types come from the bytes, whatever a client would call them. */
class FileTypesTest {

    @Test
    void imagesAndPdfByTheirMagicNumbers() throws IOException {
        var image = new java.awt.image.BufferedImage(2, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        var png = out.toByteArray();
        assertEquals(FileTypes.PNG, FileTypes.detect(png));
        assertArrayEquals(new int[] {2, 3}, FileTypes.dimensions(png, FileTypes.PNG));
        assertEquals(FileTypes.PDF, FileTypes.detect("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(FileTypes.dimensions(new byte[] {1, 2, 3}, FileTypes.PDF));
    }

    @Test
    void textIsPlainTextEvenWhenItIsHtmlAndBinaryIsNotText() {
        assertEquals(FileTypes.TEXT, FileTypes.detect("سلام، گزارش".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileTypes.TEXT, FileTypes.detect("<html><script>alert(1)</script></html>".getBytes()));
        assertEquals(FileTypes.UNKNOWN, FileTypes.detect(new byte[] {0, 1, 2, 3, (byte) 0xff}));
    }

    @Test
    void zipContainersAreToldApartByTheirEntries() throws IOException {
        assertEquals(FileTypes.DOCX, FileTypes.detect(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(FileTypes.XLSX, FileTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(FileTypes.ZIP, FileTypes.detect(zip("readme.txt")));
    }

    @Test
    void oldWordDocumentsAreMsword() {
        // the OLE2 compound-document header of .doc files
        var ole = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole, 0, 8);
        var type = FileTypes.detect(ole);
        assertEquals(FileTypes.DOC, type);
    }

    private static byte[] zip(String... entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
