package dev.podium.app.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SDK stays usable by bots, tests and load tools: no JavaFX, no server internals. */
class ClientArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.podium.app.client");

  @Test
  void theSdkImportsNoJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("dev.podium.app.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "com.sun.javafx..")
        .check(classes);
  }

  @Test
  void theSdkUsesOnlyTheServersProtocolPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.podium.app.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.podium.server.signaling..",
            "dev.podium.server.meeting..",
            "dev.podium.server.api..",
            "dev.podium.server.boot..",
            "dev.podium.media..",
            "io.netty..")
        .check(classes);
  }
}
