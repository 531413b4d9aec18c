package io.cruddur.messaging.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.OnionArchitecture;
import java.util.List;

/**
 * The project's boundaries as ArchUnit rules, for a base package: the real one
 * ({@code io.cruddur.messaging}) or a fixture's, which proves each rule can fail.
 */
final class ArchitectureRules {
    /** What core may use besides itself: the JDK, SLF4J and Caffeine, nothing else. */
    static final List<String> CORE_MAY_USE = List.of("java..", "javax.crypto..", "org.slf4j..", "com.github.benmanes.caffeine..");

    private final String base;
    private final List<String> adapters;

    /** {@code adapters} names every package under {@code base.adapters}; each is one adapter. */
    ArchitectureRules(String base, List<String> adapters) {
        this.base = base;
        this.adapters = List.copyOf(adapters);
    }

    ArchRule coreDependsOnlyOnJdkSlf4jAndCaffeine() {
        String[] allowed = new String[CORE_MAY_USE.size() + 1];
        allowed[0] = base + ".core..";
        for (int i = 0; i < CORE_MAY_USE.size(); i++) {
            allowed[i + 1] = CORE_MAY_USE.get(i);
        }
        return classes().that().resideInAPackage(base + ".core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("core is the library every deployment shares; storage, web and wiring live in adapters");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(base + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("each adapter is swappable alone");
    }

    ArchRule noPackageCycles() {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }

    ArchRule portsAreCoreInterfaces() {
        return classes().that().haveSimpleNameEndingWith("Port").and().areInterfaces()
                .should().resideInAPackage(base + ".core.port")
                .because("core owns the ports; adapters implement them");
    }

    /**
     * Dependencies point inward. The hosts ({@code base.app}, {@code base.lambda}) are outside the
     * onion; {@link #httpSeesOnlyTheFacadeTheDomainAndItsHost} and {@link #onlyWiringSeesAdapters}
     * hold them.
     */
    ArchRule layersPointInward() {
        OnionArchitecture onion = onionArchitecture()
                .domainModels(base + ".core.domain..")
                .domainServices(base + ".core.port..")
                .applicationServices(base + ".core.usecase..", base + ".core.cache..")
                .withOptionalLayers(true)
                .ignoreDependency(resideInAnyPackage(base + ".app..", base + ".lambda.."),
                        DescribedPredicate.alwaysTrue());
        for (String adapter : adapters) {
            onion = onion.adapter(adapter, base + ".adapters." + adapter + "..");
        }
        return onion;
    }

    /** Of the project, the HTTP layer sees the facade and the domain, and its host's auth, config and metrics. */
    ArchRule httpSeesOnlyTheFacadeTheDomainAndItsHost() {
        DescribedPredicate<JavaClass> elsewhereInTheProject = resideInAPackage(base + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(base + ".app.http..", base + ".core.usecase..",
                        base + ".core.domain..", base + ".app.auth..", base + ".app.config..", base + ".app.metrics..")))
                .as("are elsewhere in the project");
        return noClasses().that().resideInAPackage(base + ".app.http..")
                .should().dependOnClassesThat(elsewhereInTheProject)
                .because("routes speak to the library through its facade; ports and adapters are wired elsewhere");
    }

    /** Adapter classes are seen by adapters and by the packages that wire a deployment, nowhere else. */
    ArchRule onlyWiringSeesAdapters() {
        return noClasses().that().resideOutsideOfPackages(base + ".adapters..", base + ".app", base + ".app.wiring..",
                        base + ".app.cli..", base + ".app.embedded..", base + ".lambda..", base + ".benchmarks..")
                .should().dependOnClassesThat().resideInAPackage(base + ".adapters..")
                .because("which storage a deployment uses is decided where it is wired");
    }

    List<ArchRule> all() {
        return List.of(coreDependsOnlyOnJdkSlf4jAndCaffeine(), adaptersDoNotDependOnEachOther(), noPackageCycles(),
                portsAreCoreInterfaces(), layersPointInward(), httpSeesOnlyTheFacadeTheDomainAndItsHost(),
                onlyWiringSeesAdapters());
    }
}
