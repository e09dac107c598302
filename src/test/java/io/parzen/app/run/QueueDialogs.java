package io.parzen.app.run;

import io.parzen.app.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers file choosers from a queue and records errors and titles. */
final class QueueDialogs implements DialogService {

  final Deque<Path> filesToSave = new ArrayDeque<>();
  final List<String> errors = new ArrayList<>();
  final List<String> saveTitles = new ArrayList<>();

  @Override
  public void showError(String title, String message) {
    errors.add(title + ": " + message);
  }

  @Override
  public boolean confirm(String title, String message) {
    return true;
  }

  @Override
  public Optional<String> choose(String title, String message, List<String> options) {
    return Optional.empty();
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
    return Optional.empty();
  }

  @Override
  public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
    saveTitles.add(title + " [" + suggestedName + "]");
    return Optional.ofNullable(filesToSave.poll());
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    return Optional.empty();
  }
}
