package dev.podium.app;

/** Placeholder launcher (replaced below). */
public final class PodiumLauncher {
  private PodiumLauncher() {}

  public static void main(String[] args) {}
}
