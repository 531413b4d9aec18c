package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.app.config.HostConfig;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mode}, naming the choices when the value is none of them. */
final class Modes {
    private Modes() {
    }

    static HostConfig.Mode parse(String raw) {
        try {
            return HostConfig.Mode.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException("--mode must be embedded, memory or aws, was '" + raw + "'");
        }
    }
}
