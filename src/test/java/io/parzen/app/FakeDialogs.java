package io.parzen.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers from queues and records what it was asked. */
public final class FakeDialogs implements DialogService {

  public final List<String> errors = new ArrayList<>();
  public final Deque<Path> filesToOpen = new ArrayDeque<>();
  public final Deque<Path> filesToSave = new ArrayDeque<>();
  public final Deque<String> choices = new ArrayDeque<>();
  public final Deque<String> texts = new ArrayDeque<>();
  public final Deque<Path> directories = new ArrayDeque<>();
  public final Deque<List<Path>> fileSets = new ArrayDeque<>();
  public final Deque<List<String>> ticks = new ArrayDeque<>();
  public boolean confirmAnswer = true;
  public int confirmations;

  @Override
  public void showError(String title, String message) {
    errors.add(title + ": " + message);
  }

  @Override
  public boolean confirm(String title, String message) {
    confirmations++;
    return confirmAnswer;
  }

  @Override
  public Optional<String> choose(String title, String message, List<String> options) {
    return Optional.ofNullable(choices.poll());
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
    return Optional.ofNullable(filesToOpen.poll());
  }

  @Override
  public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
    List<Path> files = fileSets.poll();
    return files == null ? List.of() : files;
  }

  @Override
  public List<String> chooseSeveral(String title, String message, List<String> options) {
    List<String> ticked = ticks.poll();
    return ticked == null ? List.of() : ticked;
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
    return Optional.ofNullable(directories.poll());
  }
}
