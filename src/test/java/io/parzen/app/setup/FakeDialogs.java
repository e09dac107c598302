package io.parzen.app.setup;

import io.parzen.app.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers directory choosers from a queue and records errors, for tests without a screen. */
final class FakeDialogs implements DialogService {

  final Deque<Path> directories = new ArrayDeque<>();
  final List<String> errors = new ArrayList<>();
  Path lastInitialDirectory;

  @Override
  public void showError(String title, String message) {
    errors.add(message);
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
    return Optional.empty();
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    lastInitialDirectory = initial;
    return Optional.ofNullable(directories.poll());
  }
}
