package org.wufei.gis.reports;

import java.security.SecureRandom;

/**
 * Tracking codes a reporter can read out on the phone: ten characters from an alphabet without 0/O, 1/I/L or U, in
 * two groups (e.g. {@code JB7K-Q3MXW}); random (SecureRandom), so one code tells nothing about another.
 */
final class TrackingCodes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String next() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A string that could be a code (checked before any database look-up). */
    static boolean wellFormed(String code) {
        return code != null && code.matches("[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}");
    }
}
