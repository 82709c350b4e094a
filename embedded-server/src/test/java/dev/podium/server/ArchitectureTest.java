package dev.podium.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering of the control half of the server. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.podium.server");

  @Test
  void meetingRulesKnowNothingOfHttpStorageOrBoot() {
    noClasses()
        .that()
        .resideInAPackage("..server.meeting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "com.fasterxml..",
            "java.sql..",
            "..server.api..",
            "..server.store..",
            "..server.boot..")
        .check(classes);
  }

  @Test
  void theStoreAndTheApiDoNotReachUpToBoot() {
    noClasses()
        .that()
        .resideInAnyPackage("..server.store..", "..server.api..", "..server.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..server.boot..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("..server.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..server.store..")
        .check(classes);
  }
}
