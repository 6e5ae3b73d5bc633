package io.goftgu.files;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain JUnit: a client's file name can neither reach a path nor break out of a header. */
class FileNamesTest {

    @Test
    void onlyTheLastSegmentSurvivesWithoutControlCharactersOrQuotes() {
        assertEquals("passwd", FileNames.safe("../../etc/passwd"));
        assertEquals("evil.txt", FileNames.safe("C:\\Users\\x\\evil.txt"));
        assertEquals("ab.pdf", FileNames.safe("a\"b\r\n.pdf"));
        assertEquals("file", FileNames.safe(".."));
        assertEquals("file", FileNames.safe(null));
        assertEquals(200, FileNames.safe("x".repeat(300)).length());
    }

    @Test
    void theHeaderIsAnAttachmentWithAnAsciiFallbackAndTheUtf8Name() {
        assertEquals("attachment; filename=\"_____.pdf\"; filename*=UTF-8''%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4.pdf",
                FileNames.contentDisposition("گزارش.pdf"));
        assertEquals("attachment; filename=\"a_ b_c.txt\"; filename*=UTF-8''a%3B%20b%22c.txt",
                FileNames.contentDisposition("a; b\"c.txt"));
    }
}
