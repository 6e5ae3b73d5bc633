package io.goftgu.internalchat.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The search normaliser, as plain JUnit: each rule on its own, and the spellings that must meet. */
class PersianTextTest {

    @Test
    void arabicYehAndKafBecomePersian() {
        assertEquals("کتاب علی", PersianText.normalise("كتاب علي"));
        assertEquals("موسی", PersianText.normalise("موسى"));
    }

    @Test
    void zeroWidthNonJoinerBecomesASpace() {
        assertEquals("می روم", PersianText.normalise("می\u200Cروم"));
        assertEquals(PersianText.normalise("می روم"), PersianText.normalise("می\u200Cروم"));
    }

    @Test
    void persianAndArabicDigitsBecomeAscii() {
        assertEquals("1403/05/12", PersianText.normalise("۱۴۰۳/۰۵/۱۲"));
        assertEquals("0123456789", PersianText.normalise("٠١٢٣٤٥٦٧٨٩"));
    }

    @Test
    void diacriticsAndTatweelAreRemoved() {
        assertEquals("کتاب", PersianText.normalise("کِتابْ"));
        assertEquals("سلام", PersianText.normalise("ســـلام"));
        assertEquals("محمد", PersianText.normalise("مُحَمَّد"));
    }

    @Test
    void whitespaceCollapsesAndLatinIsLowerCased() {
        assertEquals("report q3 فروش", PersianText.normalise("  Report\tQ3 \u00A0 فروش \n"));
        assertEquals("", PersianText.normalise("   "));
        assertNull(PersianText.normalise(null));
    }

    @Test
    void aPhoneSpellingAndADesktopSpellingMeet() {
        assertEquals(PersianText.normalise("گزارش‌های ۱۴۰۳"), PersianText.normalise("گزارش هاي 1403"));
    }
}
