package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDbSettingsTest {

    @Test
    void the_reference_variables_configure_endpoint_table_and_region() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:8000", "DDB_MESSAGE_TABLE", "cruddur-messages-dev",
                "AWS_DEFAULT_REGION", "ca-central-1"));

        assertThat(settings.endpoint()).contains(URI.create("http://localhost:8000"));
        assertThat(settings.tableName()).isEqualTo("cruddur-messages-dev");
        assertThat(settings.region()).contains("ca-central-1");
    }

    @Test
    void without_variables_it_is_real_aws_and_the_default_table() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", " "));

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEmpty();
        assertThat(settings.tableName()).isEqualTo("cruddur-messages");
    }

    @Test
    void bad_values_are_refused_with_the_variable_named() {
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "localhost:8000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_ENDPOINT_URL");
        assertThatThrownBy(() -> DynamoDbSettings.fromEnvironment(Map.of("DDB_MESSAGE_TABLE", "no")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DDB_MESSAGE_TABLE");
        assertThatThrownBy(() -> DynamoDbSettings.of(Optional.empty(), Optional.empty(), "bad name!"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
