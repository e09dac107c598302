package io.parzen.app.analysis;

import io.parzen.app.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service that saves to the queued paths and records errors, for exporting without a screen. */
final class SaveTo implements DialogService {

  final Deque<Path> files = new ArrayDeque<>();
  final List<String> errors = new ArrayList<>();
  final List<String> suggested = new ArrayList<>();

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
    suggested.add(suggestedName);
    return Optional.ofNullable(files.poll());
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    return Optional.empty();
  }
}
