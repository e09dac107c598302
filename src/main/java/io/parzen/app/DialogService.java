package io.parzen.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs and file choosers, behind an interface so view models stay testable without a screen
 * (JabRef's {@code DialogService}). The studio's implementation is {@link FxDialogService}.
 */
public interface DialogService {

  /** Tells the user something went wrong; {@code message} names the file and the problem. */
  void showError(String title, String message);

  /** Asks a yes/no question; true for yes. */
  boolean confirm(String title, String message);

  /** Asks the user to pick one of {@code options}; empty when cancelled. */
  Optional<String> choose(String title, String message, List<String> options);

  /** A file to open, filtered by extensions such as {@code "*.db"}; empty when cancelled. */
  Optional<Path> chooseFileToOpen(String title, List<String> extensions);

  /**
   * Several files to open at once, filtered by extensions such as {@code "*.db"}; empty when
   * cancelled. The default asks for one file; dialog services that can pick several override it.
   */
  default List<Path> chooseFilesToOpen(String title, List<String> extensions) {
    return chooseFileToOpen(title, extensions).map(List::of).orElse(List.of());
  }

  /**
   * Asks the user to tick any of {@code options} (all ticked at first); the ticked ones in the
   * order given, empty when cancelled. The default asks for one through {@link #choose}.
   */
  default List<String> chooseSeveral(String title, String message, List<String> options) {
    return choose(title, message, options).map(List::of).orElse(List.of());
  }

  /** A file to save to; empty when cancelled. */
  Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions);

  /**
   * Asks for a line of text, such as a storage URL, showing {@code initial}; empty when cancelled.
   * The default answers as if the user cancelled; dialog services that can ask override it.
   */
  default Optional<String> askText(String title, String message, String initial) {
    return Optional.empty();
  }

  /** A directory, starting at {@code initial} when it is one; empty when cancelled. */
  Optional<Path> chooseDirectory(String title, Path initial);
}
