package io.cruddur.messaging.adapters.dynamodb.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalStreamArnsTest {
    private static final String LOCAL = "arn:aws:dynamodb:ddblocal:000000000000:table/messages/stream/2026-12-01T22:00:00.000";

    @Test
    void only_dynamodb_locals_pseudo_region_is_local_and_it_maps_both_ways() {
        String inRegion = LocalStreamArns.inRegion(LOCAL, "us-east-1");

        assertThat(LocalStreamArns.isLocal(LOCAL)).isTrue();
        assertThat(inRegion).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/messages/stream/2026-12-01T22:00:00.000");
        assertThat(LocalStreamArns.isLocal(inRegion)).isFalse();
        assertThat(LocalStreamArns.inRegion(inRegion, LocalStreamArns.LOCAL_REGION)).isEqualTo(LOCAL);
    }
}
