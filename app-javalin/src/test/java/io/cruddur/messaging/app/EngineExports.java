package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code export NAME=value} lines the engines print, as a shell would. */
public final class EngineExports {
    private EngineExports() {
    }

    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines) {
            assertThat(line).matches("export [A-Z_]+=\\S+");
            String assignment = line.substring("export ".length());
            variables.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        assertThat(variables).containsOnlyKeys("AWS_ENDPOINT_URL", "CONNECTION_URL");
        return variables;
    }
}
