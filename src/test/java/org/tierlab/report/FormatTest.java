package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers in report tables read as numbers: no scientific notation for a revenue of 45,095. */
class FormatTest {

    @Test
    void largeNumbersAreGroupedNotInScientificNotation() {
        assertEquals("45,095", Format.number(45094.88), "holdout revenue of Champions on the CDNOW sample");
        assertEquals("123,456,789", Format.number(123456789.4));
        assertEquals("-12,346", Format.number(-12345.6));
        assertEquals("1653", Format.number(1653.2), "four significant digits below ten thousand, as before");
        assertEquals("0.01256", Format.number(0.012557377727102399));
        assertEquals("2357", Format.number(2357));
        assertEquals("–", Format.number(Double.NaN));
    }

    @Test
    void aDifferenceThatRoundsToZeroShowsNoMinusSign() {
        assertEquals("+0.0 pp [0.0, 0.3]", Format.difference("retention", -0.00001, -0.0002, 0.003));
        assertEquals("-0.1 pp [-0.3, 0.0]", Format.difference("retention", -0.001, -0.003, -0.0001));
        assertEquals("+0 [-12, 0]", Format.difference("revenue", -0.2, -12.4, -0.3));
        assertEquals("+1.2 pp [0.3, 2.1]", Format.difference("retention", 0.012, 0.003, 0.021));
    }
}
