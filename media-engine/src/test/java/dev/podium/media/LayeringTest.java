package dev.podium.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The media engine is the bottom layer: it imports nothing of the server or the app. */
class LayeringTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.podium.media");

  @Test
  void mediaEngineImportsNothingOfServerOrApp() {
    noClasses()
        .that()
        .resideInAPackage("dev.podium.media..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.podium.server..", "dev.podium.app..", "dev.podium.testkit..")
        .check(classes);
  }

  @Test
  void mediaEngineDoesNotTouchWebrtcJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.podium.media..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.onvoid.webrtc..")
        .check(classes);
  }
}
