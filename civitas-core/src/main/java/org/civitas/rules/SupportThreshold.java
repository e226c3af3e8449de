package org.civitas.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many supports a proposal needs to reach a vote: a number of residents, or a share of them ({@code 2%}), at
 * least one either way.
 *
 * @param count the number of supports, or 0 when a share is given
 * @param percent the share of residents, in percent, when no number is given
 */
public record SupportThreshold(long count, BigDecimal percent) {

    public SupportThreshold {
        if ((count > 0) == (percent != null)) {
            throw new IllegalArgumentException("a threshold is a positive count or a share, not both");
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("a share of residents is above 0% and at most 100%, not " + percent
                    + "%");
        }
    }

    public static SupportThreshold count(long count) {
        return new SupportThreshold(count, null);
    }

    public static SupportThreshold percent(String percent) {
        return new SupportThreshold(0, new BigDecimal(percent));
    }

    /** Reads {@code 3} or {@code 2%}. */
    public static SupportThreshold parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.endsWith("%")) {
                return percent(trimmed.substring(0, trimmed.length() - 1).strip());
            }
            long count = Long.parseLong(trimmed);
            if (count < 1) {
                throw new IllegalArgumentException("a proposal needs at least 1 support, not " + count);
            }
            return count(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a number of supports such as 3 nor a"
                    + " share of residents such as 2%", e);
        }
    }

    /** The supports needed among {@code residents}: the count, or the share rounded up, and never fewer than 1. */
    public long required(long residents) {
        if (percent == null) {
            return count;
        }
        long share = percent.multiply(BigDecimal.valueOf(residents))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, share);
    }

    @Override
    public String toString() {
        return percent == null ? Long.toString(count) : percent.toPlainString() + "%";
    }
}
