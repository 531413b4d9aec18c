package io.cruddur.messaging.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.usecase.CursorCodec.Direction;
import io.cruddur.messaging.core.usecase.CursorCodec.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:15:02.123456Z");
    private final CursorCodec codec = new CursorCodec(secret((byte) 1));

    @Test
    void a_cursor_comes_back_as_the_position_it_was_made_from() {
        Position position = new Position(Direction.OLDER, AT);

        assertThat(codec.decode("messages:g1", codec.encode("messages:g1", position))).isEqualTo(position);
        Position newer = new Position(Direction.NEWER, Instant.EPOCH);
        assertThat(codec.decode("groups:u1", codec.encode("groups:u1", newer))).isEqualTo(newer);
    }

    @Test
    void a_cursor_is_refused_for_another_list() {
        Cursor cursor = codec.encode("messages:g1", new Position(Direction.OLDER, AT));

        assertInvalid(() -> codec.decode("messages:g2", cursor));
        assertInvalid(() -> codec.decode("groups:g1", cursor));
    }

    @Test
    void a_cursor_signed_with_another_key_is_refused() {
        Cursor foreign = new CursorCodec(secret((byte) 2)).encode("messages:g1", new Position(Direction.OLDER, AT));

        assertInvalid(() -> codec.decode("messages:g1", foreign));
    }

    @Test
    void an_edited_cursor_is_refused() {
        String token = codec.encode("messages:g1", new Position(Direction.OLDER, AT)).token();
        String body = token.substring(0, token.indexOf('.'));
        String tag = token.substring(token.indexOf('.'));
        String decodedBody = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.US_ASCII);
        String forgedBody = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("n" + decodedBody.substring(1)).getBytes(StandardCharsets.US_ASCII));

        assertInvalid(() -> codec.decode("messages:g1", new Cursor(forgedBody + tag)));
        assertInvalid(() -> codec.decode("messages:g1", new Cursor(token + "A")));
        assertInvalid(() -> codec.decode("messages:g1", new Cursor("no-dot-here")));
        assertInvalid(() -> codec.decode("messages:g1", new Cursor("!!!.???")));
        assertInvalid(() -> codec.decode("messages:g1", new Cursor(".")));
    }

    @Test
    void a_short_secret_is_refused_at_start() {
        assertThatThrownBy(() -> new CursorCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] secret(byte fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, fill);
        return secret;
    }

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(MessagingException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CURSOR_INVALID));
    }
}
