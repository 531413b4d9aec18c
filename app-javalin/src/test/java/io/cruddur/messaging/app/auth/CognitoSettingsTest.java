package io.cruddur.messaging.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoSettingsTest {

    @Test
    void the_issuer_takes_its_region_from_the_pool_id_whatever_aws_region_says() {
        CognitoSettings pool = CognitoSettings.fromEnvironment(Map.of(
                "AWS_COGNITO_USER_POOL_ID", "eu-west-1_AbC123", "AWS_COGNITO_USER_POOL_CLIENT_ID", "web",
                "AWS_REGION", "us-east-1"));

        assertThat(pool.issuer()).isEqualTo(URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"));
        assertThat(pool.region()).isEqualTo("eu-west-1");
    }

    @Test
    void a_stand_in_issuer_and_its_pool_ids_are_accepted() {
        CognitoSettings local = CognitoSettings.fromEnvironment(Map.of(
                "AWS_COGNITO_USER_POOL_ID", "local_5S1Xk8Wf", "AWS_COGNITO_USER_POOL_CLIENT_ID", "web",
                "AWS_COGNITO_ISSUER", "http://localhost:9229/local_5S1Xk8Wf"));

        assertThat(local.issuer()).isEqualTo(URI.create("http://localhost:9229/local_5S1Xk8Wf"));
        assertThat(local.region()).isEqualTo("local");
    }

    @Test
    void pool_ids_and_issuers_of_another_shape_are_refused_with_the_variable_named() {
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of(
                "AWS_COGNITO_USER_POOL_ID", "no-underscore", "AWS_COGNITO_USER_POOL_CLIENT_ID", "web")))
                .hasMessageContaining("AWS_COGNITO_USER_POOL_ID");
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of(
                "AWS_COGNITO_USER_POOL_ID", "us-east-1_AbC123", "AWS_COGNITO_USER_POOL_CLIENT_ID", "web",
                "AWS_COGNITO_ISSUER", "ftp://example.org/pool")))
                .hasMessageContaining("AWS_COGNITO_ISSUER");
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of(
                "AWS_COGNITO_USER_POOL_ID", "us-east-1_AbC123", "AWS_COGNITO_USER_POOL_CLIENT_ID", "web",
                "AWS_COGNITO_ISSUER", "http://localhost:9229/pool/")))
                .hasMessageContaining("trailing slash");
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of("AWS_COGNITO_USER_POOL_ID", "us-east-1_AbC123")))
                .hasMessageContaining("AWS_COGNITO_USER_POOL_CLIENT_ID");
    }
}
