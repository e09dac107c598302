package io.parzen.cli;

/** The exit codes of {@code parzen}, as listed in its help. */
final class ExitCodes {

  /** The command did what was asked. */
  static final int OK = 0;
  /** A study run ended with an error, or there is no completed trial to report. */
  static final int STUDY_ERROR = 1;
  /** The command line was wrong (picocli's usage error). */
  static final int USAGE = 2;
  /** A storage, study file or input file could not be read or written. */
  static final int STORAGE = 3;
  /** The named study does not exist in the storage. */
  static final int NO_SUCH_STUDY = 4;

  private ExitCodes() {}
}
