package dev.podium.server.api;

/** A known path called with a method it does not serve; answered 405 with an Allow header. */
final class MethodNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String allow;

  MethodNotAllowedException(String method, String path, String allow) {
    super(method + " is not allowed on " + path + " (allowed: " + allow + ")", null, false, false);
    this.allow = allow;
  }

  String allow() {
    return allow;
  }
}
