package io.parzen.app.space;

import io.parzen.app.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers file choosers with preset paths and records errors, for tests without a screen. */
final class FakeDialogs implements DialogService {

  Path fileToOpen;
  Path fileToSave;
  final List<String> errors = new ArrayList<>();

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
    return options.stream().findFirst();
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
    return Optional.ofNullable(fileToOpen);
  }

  @Override
  public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
    return Optional.ofNullable(fileToSave);
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    return Optional.empty();
  }
}
