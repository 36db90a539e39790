package dev.junction.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package boundaries of DESIGN.md, checked on the compiled classes: users see a small API,
 * vendor authors a small SPI, and the engine stays inside core. Each rule was seen failing on a
 * deliberate break (see the closing note of issue #10).
 */
class PackageRulesTest {

    /** Every package of core is its own slice, the root package included. */
    private static final SliceAssignment EACH_CORE_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals("dev.junction") || pkg.startsWith("dev.junction.") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of core";
        }
    };

    @Test
    void coresPackagesHaveNoCycles() {
        slices().assignedFrom(EACH_CORE_PACKAGE).should().beFreeOfCycles()
                .check(ModuleClasses.of("core"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli", "examples", "testkit", "provider-aivideoapi", "provider-yisu", "provider-acedata", "provider-google",
        "micrometer", "opentelemetry", "gateway"})
    void nothingOutsideCoreUsesTheEngine(String module) {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.junction.internal..")
                .because("the engine is internal to core: use the user API, or the SPI in a vendor module")
                .check(ModuleClasses.of(module));
    }

    @Test
    void theBenchMeasuresInternalsOnlyThroughPublicClasses() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.junction.internal..").and(not(modifier(JavaModifier.PUBLIC))))
                .because("the bench may measure the engine, through its public classes only")
                .check(ModuleClasses.of("bench"));
    }

    @Test
    void theBenchDeclaresNoClassInCoresPackages() {
        String[] corePackages = ModuleClasses.packages(ModuleClasses.of("core")).toArray(String[]::new);
        noClasses().should().resideInAnyPackage(corePackages)
                .because("a class in core's package would be a split package, reaching package-private code")
                .check(ModuleClasses.of("bench"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli", "examples", "micrometer", "opentelemetry", "gateway"})
    void usersNeverImportTheSpi(String module) {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.junction.spi..")
                .because("users import dev.junction, chat, cost, quote, catalog and error; the SPI is for vendor modules")
                .check(ModuleClasses.of(module));
    }

    @Test
    void theUserApisValuesNeverMentionTheSpi() {
        noClasses().that().resideInAnyPackage("dev.junction.chat..", "dev.junction.cost..", "dev.junction.quote..",
                        "dev.junction.catalog..", "dev.junction.error..", "dev.junction.observe..")
                .should().dependOnClassesThat().resideInAPackage("dev.junction.spi..")
                .because("a user who holds a chat, cost, quote, catalog, error or listener value must never need the SPI")
                .check(ModuleClasses.of("core"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider-aivideoapi", "provider-yisu", "provider-acedata", "provider-google"})
    void aVendorModuleUsesOnlyTheSpiAndTheCanonicalContract(String module) {
        String ownPackage = "dev.junction.provider." + module.substring("provider-".length()) + "..";
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        ownPackage, "dev.junction.spi..", "dev.junction.chat..", "dev.junction.error..",
                        "dev.junction.cost..", "dev.junction.catalog..", "java..", "com.fasterxml.jackson..", "io.vertx.core..")
                .because("a vendor module is a factory, a dialect and a profile: the SPI and the canonical contract suffice,"
                        + " and no vendor module leans on another")
                .check(ModuleClasses.of(module));
    }
}
