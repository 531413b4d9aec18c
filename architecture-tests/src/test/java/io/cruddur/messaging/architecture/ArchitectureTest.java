package io.cruddur.messaging.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's own classes keep every rule. */
class ArchitectureTest {
    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cruddur.messaging");

    static Stream<ArchRule> rules() {
        return new ArchitectureRules("io.cruddur.messaging", List.of("inmemory", "dynamodb", "postgres")).all().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void the_project_keeps_the_rule(ArchRule rule) {
        rule.check(PROJECT);
    }
}
