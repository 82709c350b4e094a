package dev.podium.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The UI's layering: view models know no scene graph; only the SDK touches media and network. */
@AnalyzeClasses(packages = "dev.podium.app", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

  @ArchTest
  static final ArchRule viewModelsImportNoSceneGraph =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx.scene..");

  @ArchTest
  static final ArchRule uiUsesOnlyTheSdkForMediaAndNetwork =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.podium.app",
              "dev.podium.app.meeting..",
              "dev.podium.app.lobby..",
              "dev.podium.app.stage..",
              "dev.podium.app.audience..",
              "dev.podium.app.host..",
              "dev.podium.app.settings..",
              "dev.podium.app.chat..",
              "dev.podium.app.captions..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.netty..", "dev.onvoid.webrtc..");

  @ArchTest
  static final ArchRule meetingPackageHasNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.podium.app.meeting..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..");
}
