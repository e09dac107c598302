package io.parzen.app.compare;

import io.parzen.app.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers from queues and records errors and what it offered to tick. */
final class CompareDialogs implements DialogService {

  final List<String> errors = new ArrayList<>();
  final Deque<List<Path>> fileSets = new ArrayDeque<>();
  final Deque<List<String>> ticks = new ArrayDeque<>();
  final List<List<String>> offered = new ArrayList<>();
  final Deque<String> texts = new ArrayDeque<>();
  final Deque<Path> filesToSave = new ArrayDeque<>();
  /** Whether to tick every option offered when no ticks are queued. */
  boolean tickAll;

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
  public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
    List<Path> files = fileSets.poll();
    return files == null ? List.of() : files;
  }

  @Override
  public List<String> chooseSeveral(String title, String message, List<String> options) {
    offered.add(options);
    List<String> ticked = ticks.poll();
    return ticked != null ? ticked : tickAll ? options : List.of();
  }

  @Override
  public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
    return Optional.ofNullable(filesToSave.poll());
  }

  @Override
  public Optional<String> askText(String title, String message, String initial) {
    return Optional.ofNullable(texts.poll());
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    return Optional.empty();
  }
}
