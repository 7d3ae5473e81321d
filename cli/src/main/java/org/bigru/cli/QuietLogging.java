package org.bigru.cli;

/**
 * Apache POI logs through the Log4j API; without a Log4j implementation on the class path the API prints a
 * warning about it on first use. The simple logger, above ERROR only, keeps the command's stderr to the
 * one line the exit-code contract promises.
 */
final class QuietLogging {

  private QuietLogging() {
  }

  static void configure() {
    setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    setIfAbsent("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
    setIfAbsent("log4j2.simplelogLevel", "OFF");
    setIfAbsent("java.awt.headless", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
