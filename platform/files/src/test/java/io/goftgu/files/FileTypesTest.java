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

    @Test
    void aZipBombIsTypedByItsDirectoryWithoutInflatingIt() throws IOException {
        // 1 GiB of zeros per entry deflates to ~1 MiB; typing it must not inflate a byte of it
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            for (int e = 0; e < 2; e++) {
                zip.putNextEntry(new ZipEntry("bomb" + e + ".bin"));
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 1024; i++) {
                    zip.write(zeros);
                }
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes());
        }
        var started = System.nanoTime();
        assertEquals(FileTypes.DOCX, FileTypes.detect(bytes.toByteArray()));
        var millis = (System.nanoTime() - started) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(millis < 500, "typing a 2 GiB zip bomb took " + millis + " ms");
    }

    @Test
    void anImageDeclaringHugeDimensionsIsMeasuredFromItsHeaderOnly() throws IOException {
        // a valid PNG header claiming 60000 x 60000 pixels (10 GiB decoded) and almost no data
        var png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        var bytes = png.toByteArray();
        // IHDR width and height sit at offsets 16 and 20; the CRC is not checked when only the header is read
        java.nio.ByteBuffer.wrap(bytes).putInt(16, 60_000).putInt(20, 60_000);
        assertEquals(FileTypes.PNG, FileTypes.detect(bytes));
        assertArrayEquals(new int[] {60_000, 60_000}, FileTypes.dimensions(bytes, FileTypes.PNG));
    }

    @Test
    void damagedZipsAreUnknown() {
        var bytes = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0};
        assertEquals(FileTypes.UNKNOWN, FileTypes.detect(bytes));
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
