package io.cruddur.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule catches a violation planted in a fixture, and passes a fixture that keeps it. */
class PlantedViolationsTest {
    private static final String BROKEN = "io.cruddur.fixture.broken";
    private static final String CLEAN = "io.cruddur.fixture.clean";
    private static final JavaClasses BROKEN_CLASSES = new ClassFileImporter().importPackages(BROKEN);
    private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);

    private final ArchitectureRules broken = new ArchitectureRules(BROKEN, List.of("alpha", "beta"));

    @Test
    void core_using_a_foreign_library_is_caught() {
        assertViolation(broken.coreDependsOnlyOnJdkSlf4jAndCaffeine(), "LeakyRecord", "com.tngtech.archunit");
    }

    @Test
    void an_adapter_using_another_adapter_is_caught() {
        assertViolation(broken.adaptersDoNotDependOnEachOther(), "AlphaStore", "BetaStore");
    }

    @Test
    void a_package_cycle_is_caught() {
        assertViolation(broken.noPackageCycles(), "TalksToUseCase", "UsesPort");
    }

    @Test
    void a_port_outside_core_is_caught() {
        assertViolation(broken.portsAreCoreInterfaces(), "SneakyPort");
    }

    @Test
    void a_port_reaching_into_a_use_case_is_caught() {
        assertViolation(broken.layersPointInward(), "TalksToUseCase", "UsesPort");
    }

    @Test
    void a_route_holding_a_port_is_caught() {
        assertViolation(broken.httpSeesOnlyTheFacadeTheDomainAndItsHost(), "RouteWithAPort", "TalksToUseCase");
    }

    @Test
    void an_adapter_seen_outside_the_wiring_is_caught() {
        assertViolation(broken.onlyWiringSeesAdapters(), "ConfigBuildsAStore", "BetaStore");
    }

    static Stream<ArchRule> cleanRules() {
        return new ArchitectureRules(CLEAN, List.of("inmemory", "other")).all().stream();
    }

    @ParameterizedTest
    @MethodSource("cleanRules")
    void a_fixture_that_keeps_the_rules_passes(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLEAN_CLASSES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    private static void assertViolation(ArchRule rule, String... mentioned) {
        EvaluationResult result = rule.evaluate(BROKEN_CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(mentioned);
    }
}
