package io.cruddur.messaging.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainValidationTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t ", "\u2003", "\u200b", "\u200b\u200d\u2060", "\u202e\u202d", "\ufeff",
        "\u3164", "\u2800 \u115f"})
    void a_message_that_shows_nothing_is_blank(String invisible) {
        assertRefused(() -> MessageText.parse(invisible), ErrorCode.MESSAGE_BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi\u0000", "bell\u0007", "back\bspace", "carriage\r\nreturn", "escape\u001b[31m", "\u0085next"})
    void control_characters_other_than_line_feed_and_tab_are_refused(String text) {
        assertRefused(() -> MessageText.parse(text), ErrorCode.MESSAGE_CONTROL_CHARACTERS);
    }

    @Test
    void line_feeds_tabs_and_visible_text_between_invisible_characters_are_kept() {
        assertThat(MessageText.parse("first line\n\tindented").value()).isEqualTo("first line\n\tindented");
        assertThat(MessageText.parse("\u200bzero\u200bwidth\u200b").value()).isEqualTo("\u200bzero\u200bwidth\u200b");
        assertThat(MessageText.parse("e\u0301").value()).isEqualTo("e\u0301");
    }

    @Test
    void stored_text_is_read_as_it_is_whatever_a_client_would_be_refused() {
        assertThat(new MessageText("written\r\nelsewhere").value()).isEqualTo("written\r\nelsewhere");
        assertThat(new MessageText("\u200b").value()).isEqualTo("\u200b");
    }

    @Test
    void a_message_is_trimmed_and_counted_in_characters_not_utf16_units() {
        String longest = "😀".repeat(MessageText.MAX_CHARACTERS);

        assertThat(new MessageText("  hi there \n").value()).isEqualTo("hi there");
        assertThat(new MessageText(" " + longest + " ").value()).isEqualTo(longest);
        assertRefused(() -> new MessageText(longest + "x"), ErrorCode.MESSAGE_EXCEED_MAX_CHARS);
        assertRefused(() -> new MessageText("a".repeat(MessageText.MAX_CHARACTERS + 1)),
                ErrorCode.MESSAGE_EXCEED_MAX_CHARS);
    }

    @Test
    void group_ids_must_be_canonical_uuids() {
        UUID id = UUID.randomUUID();

        assertThat(MessageGroupId.parse(" " + id.toString().toUpperCase() + " ")).isEqualTo(new MessageGroupId(id));
        assertRefused(() -> MessageGroupId.parse(""), ErrorCode.MESSAGE_GROUP_UUID_BLANK);
        assertRefused(() -> MessageGroupId.parse(null), ErrorCode.MESSAGE_GROUP_UUID_BLANK);
        assertRefused(() -> MessageGroupId.parse("1-1-1-1-1"), ErrorCode.MESSAGE_GROUP_UUID_INVALID);
        assertRefused(() -> MessageGroupId.parse(id + "0"), ErrorCode.MESSAGE_GROUP_UUID_INVALID);
        assertRefused(() -> MessageId.parse("not-a-uuid"), ErrorCode.MESSAGE_UUID_INVALID);
    }

    @Test
    void a_handle_may_be_written_with_an_at_sign() {
        assertThat(Handle.parse(" @bayko ")).isEqualTo(new Handle("bayko"));
        assertThat(Handle.parse("bayko")).isEqualTo(new Handle("bayko"));
        assertThat(new Handle("Andrew_Brown").normalized()).isEqualTo("andrew_brown");
        assertThat(Handle.isBlank(" @ ")).isTrue();
        assertThat(Handle.isBlank(null)).isTrue();
        assertThat(Handle.isBlank("@bayko")).isFalse();
        assertRefused(() -> Handle.parse("@"), ErrorCode.HANDLE_INVALID);
        assertRefused(() -> Handle.parse("@@bayko"), ErrorCode.HANDLE_INVALID);
        assertRefused(() -> Handle.parse("two words"), ErrorCode.HANDLE_INVALID);
        assertRefused(() -> new Handle("x".repeat(65)), ErrorCode.HANDLE_INVALID);
        assertRefused(() -> new Handle("<script>"), ErrorCode.HANDLE_INVALID);
    }

    @Test
    void page_limits_are_one_to_a_hundred_defaulting_to_twenty() {
        assertThat(PageLimit.parse(null).value()).isEqualTo(20);
        assertThat(PageLimit.parse("").value()).isEqualTo(20);
        assertThat(PageLimit.parse("100").value()).isEqualTo(100);
        assertRefused(() -> PageLimit.parse("0"), ErrorCode.LIMIT_INVALID);
        assertRefused(() -> PageLimit.parse("101"), ErrorCode.LIMIT_INVALID);
        assertRefused(() -> PageLimit.parse("ten"), ErrorCode.LIMIT_INVALID);
        assertRefused(() -> PageLimit.parse("99999999999"), ErrorCode.LIMIT_INVALID);
    }

    @Test
    void display_names_and_cognito_ids_are_checked() {
        assertRefused(() -> new User(new UserId(UUID.randomUUID()), new Handle("a"), " "),
                ErrorCode.DISPLAY_NAME_INVALID);
        assertRefused(() -> new User(new UserId(UUID.randomUUID()), new Handle("a"), "x".repeat(257)),
                ErrorCode.DISPLAY_NAME_INVALID);
        assertThat(new User(new UserId(UUID.randomUUID()), new Handle("a"), " " + "x".repeat(256) + " ").displayName())
                .as("surrounding space is dropped before the length is counted, as for message text")
                .isEqualTo("x".repeat(256));
        assertRefused(() -> new CognitoUserId(""), ErrorCode.COGNITO_USER_ID_INVALID);
        assertRefused(() -> new CognitoUserId(" padded"), ErrorCode.COGNITO_USER_ID_INVALID);
        assertRefused(() -> new Cursor(""), ErrorCode.CURSOR_INVALID);
    }

    @Test
    void validation_reports_every_invalid_field_at_once() {
        Validation validation = new Validation();
        validation.check(() -> new MessageText(" "));
        validation.check(() -> MessageGroupId.parse(""));

        assertThatThrownBy(validation::done)
                .isInstanceOfSatisfying(MessagingException.class, refused -> assertThat(refused.codes())
                        .containsExactly(ErrorCode.MESSAGE_BLANK, ErrorCode.MESSAGE_GROUP_UUID_BLANK));
    }

    @Test
    void error_codes_are_unique_and_snake_case() {
        assertThat(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(_[a-z]+)*"));
    }

    private static void assertRefused(Runnable parse, ErrorCode expected) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.codes()).containsExactly(expected));
    }
}
