package io.cruddur.engine.dynamodb.model;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitudes from 1E-130 to under 1E+126. */
public final class Numbers {
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private Numbers() {
    }

    /**
     * Parses a number as a request writes it, refusing what DynamoDB refuses.
     *
     * @throws ApiException a {@code ValidationException} for text that is not a number, or one out of range
     */
    public static BigDecimal parse(String text) {
        BigDecimal number;
        try {
            if (text.isEmpty() || !isNumberText(text)) {
                throw new NumberFormatException(text);
            }
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            throw ApiException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return checked(number);
    }

    /**
     * Checks a computed number (the result of {@code +}, {@code -} or {@code ADD}) against the limits.
     * DynamoDB reports a result that needs more than 38 digits as an overflow, whatever its magnitude.
     *
     * @throws ApiException a {@code ValidationException} when it is out of range
     */
    public static BigDecimal computed(BigDecimal number) {
        BigDecimal normalised = normalise(number);
        if (normalised.precision() > 38) {
            throw overflow();
        }
        return checked(normalised);
    }

    private static BigDecimal checked(BigDecimal number) {
        BigDecimal normalised = normalise(number);
        if (normalised.signum() == 0) {
            return normalised;
        }
        if (normalised.precision() > 38) {
            throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = normalised.abs();
        if (magnitude.compareTo(LARGEST) > 0) {
            throw overflow();
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw ApiException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return normalised;
    }

    private static ApiException overflow() {
        return ApiException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    static BigDecimal normalise(BigDecimal number) {
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }

    static String text(BigDecimal number) {
        BigDecimal normalised = normalise(number);
        // plain notation, as DynamoDB answers, while it stays short; huge exponents keep E notation
        if (normalised.scale() < -40 || normalised.scale() > 40) {
            return normalised.toString();
        }
        return normalised.toPlainString();
    }

    /** The size DynamoDB counts for a number: about one byte per two significant digits, plus one. */
    static int size(BigDecimal number) {
        BigDecimal normalised = normalise(number);
        if (normalised.signum() == 0) {
            return 1;
        }
        int digits = normalised.precision();
        // digits are stored in pairs aligned on the decimal point
        int integerDigits = digits - normalised.scale();
        int padding = Math.floorMod(integerDigits, 2) == 1 ? 1 : 0;
        int size = (digits + padding + 1) / 2 + 1;
        return normalised.signum() < 0 ? size + 1 : size;
    }

    private static boolean isNumberText(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
