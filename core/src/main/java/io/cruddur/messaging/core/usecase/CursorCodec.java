package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a page position into an opaque {@link Cursor} and back. The token carries a direction
 * and a time, signed with HMAC-SHA256 over those and the list it belongs to (a group's messages,
 * a user's groups), so a cursor cannot be edited or replayed against another list: every such
 * attempt is {@code cursor_invalid}. The key is per deployment; cursors outlive a restart only
 * when the key is configured rather than generated.
 */
public final class CursorCodec {
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Which way a cursor pages from its position. */
    public enum Direction {
        /** Towards older items. */
        OLDER('o'),
        /** Towards newer items. */
        NEWER('n');

        private final char tag;

        Direction(char tag) {
            this.tag = tag;
        }

        static Direction ofTag(char tag) {
            for (Direction direction : values()) {
                if (direction.tag == tag) {
                    return direction;
                }
            }
            throw invalid();
        }
    }

    /**
     * Where a cursor points: items strictly older (or newer) than {@code at}.
     *
     * @param direction which way the cursor pages
     * @param at        the time of the item it pages from, exclusive
     */
    public record Position(Direction direction, Instant at) {
    }

    private final SecretKeySpec key;

    /**
     * A codec signing with {@code secret}; the facade builds one from {@link Messaging.Builder#cursorSecret}.
     *
     * @param secret the signing key, at least {@value Messaging#MIN_CURSOR_SECRET_BYTES} bytes; it is copied
     * @throws IllegalArgumentException when the key is shorter
     */
    public CursorCodec(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the cursor secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * {@return a signed cursor to {@code position} in {@code list}}
     *
     * @param list     the name of the list the cursor belongs to (such as a group's messages), to
     *                 which it is bound
     * @param position where the cursor points
     */
    public Cursor encode(String list, Position position) {
        String body = position.direction().tag + Long.toString(position.at().getEpochSecond(), 36)
                + "." + Integer.toString(position.at().getNano(), 36);
        byte[] bodyBytes = body.getBytes(StandardCharsets.US_ASCII);
        return new Cursor(ENCODER.encodeToString(bodyBytes) + "." + ENCODER.encodeToString(tag(list, bodyBytes)));
    }

    /**
     * {@return where a cursor of {@code list} points}
     *
     * @param list   the name of the list the cursor is used for
     * @param cursor the cursor as a client gave it back
     * @throws MessagingException {@code cursor_invalid} when the cursor is malformed, edited, signed
     *         with another key or for another list
     */
    public Position decode(String list, Cursor cursor) {
        String token = cursor.token();
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        byte[] bodyBytes;
        byte[] tag;
        try {
            bodyBytes = DECODER.decode(token.substring(0, dot));
            tag = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(tag, tag(list, bodyBytes))) {
            throw invalid();
        }
        return parse(new String(bodyBytes, StandardCharsets.US_ASCII));
    }

    private static Position parse(String body) {
        int dot = body.indexOf('.');
        if (body.length() < 2 || dot < 0) {
            throw invalid();
        }
        try {
            Direction direction = Direction.ofTag(body.charAt(0));
            long seconds = Long.parseLong(body.substring(1, dot), 36);
            int nanos = Integer.parseInt(body.substring(dot + 1), 36);
            return new Position(direction, Instant.ofEpochSecond(seconds, nanos));
        } catch (NumberFormatException | DateTimeException malformed) {
            throw invalid();
        }
    }

    private byte[] tag(String list, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(list.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException jdkWithoutHmac) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, jdkWithoutHmac);
        }
    }

    private static MessagingException invalid() {
        return new MessagingException(ErrorCode.CURSOR_INVALID, "cursor is not valid for this list");
    }
}
