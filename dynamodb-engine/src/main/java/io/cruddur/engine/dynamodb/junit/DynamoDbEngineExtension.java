package io.cruddur.engine.dynamodb.junit;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One engine for every test class of the JVM that uses this extension, started on first use and
 * closed when the tests end. Test methods and constructors may take the {@link DynamoDbEngine} or its
 * endpoint {@link URI} as parameters:
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbEngineExtension.class)
 * class OrdersTest {
 *     @Test
 *     void saves(URI endpoint) { ... }
 * }
 * }</pre>
 *
 * Fault switches are shared by every test of the JVM: a test that sets them resets them when it ends.
 */
public final class DynamoDbEngineExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoDbEngineExtension.class);

    /** The JVM's engine, started on first call. */
    public static DynamoDbEngine engine(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DynamoDbEngine.class, ignored -> new RunningEngine(), RunningEngine.class).engine;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbEngine.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        DynamoDbEngine engine = engine(extension);
        return parameter.getParameter().getType() == URI.class ? engine.endpoint() : engine;
    }

    /** Closes the engine with the root context. */
    private static final class RunningEngine implements AutoCloseable {
        private final DynamoDbEngine engine = DynamoDbEngine.builder().build().start();

        @Override
        public void close() {
            engine.close();
        }
    }
}
