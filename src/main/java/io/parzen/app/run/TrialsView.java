package io.parzen.app.run;

import io.parzen.app.Views;
import io.parzen.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The trials table: number, state, value, one column per parameter and duration, filtered by
 * state. Binds {@code TrialsView.fxml} to a {@link RunViewModel}; parameter columns follow the
 * model's parameter names.
 */
public final class TrialsView {

  private static final String ALL = "All states";

  private final RunViewModel viewModel;
  private final List<TableColumn<TrialRow, ?>> fixedColumns = new ArrayList<>();

  @FXML private TableView<TrialRow> table;
  @FXML private ComboBox<TrialState> stateFilterBox;
  @FXML private Label countLabel;

  private TrialsView(RunViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(RunViewModel viewModel) {
    return Views.load(new TrialsView(viewModel));
  }

  @FXML
  private void initialize() {
    SortedList<TrialRow> sorted = new SortedList<>(viewModel.filteredRows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    // A table in a hidden tab is still laid out with its rows; opening 10,000 trials then cost the
    // first frame ~100 ms for nothing. Hidden, it holds no rows; shown, it takes them again.
    new PaintGate(table, shown -> {
      table.setItems(shown ? sorted : FXCollections.emptyObservableList());
      if (shown) {
        selectRow(viewModel.selectedTrialProperty().get());
      }
    });
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    fixedColumns.add(column("#", 56, TrialRow::number, n -> Integer.toString(n)));
    fixedColumns.add(column("State", 90, TrialRow::state, TrialState::name));
    fixedColumns.add(column("Value", 110, TrialRow::value, TrialsView::number));
    fixedColumns.add(column("Duration", 90, TrialRow::duration, TrialsView::duration));
    fixColumns();
    viewModel.parameterNames().addListener((ListChangeListener<String>) c -> fixColumns());
    viewModel.directionsProperty().addListener((obs, old, directions) -> {
      if (old.size() != directions.size()) {
        fixColumns();
      }
    });

    List<TrialState> states = new ArrayList<>();
    states.add(null);
    states.addAll(List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING,
        TrialState.WAITING));
    stateFilterBox.setItems(FXCollections.observableArrayList(states));
    Callback<javafx.scene.control.ListView<TrialState>, ListCell<TrialState>> cells = list -> new ListCell<>() {
      @Override
      protected void updateItem(TrialState item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item == null ? ALL : item.name());
      }
    };
    stateFilterBox.setCellFactory(cells);
    stateFilterBox.setButtonCell(cells.call(null));
    stateFilterBox.valueProperty().bindBidirectional(viewModel.stateFilterProperty());
    bindSelection();
    countLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.filteredRows().size()
        == viewModel.rows().size() ? viewModel.rows().size() + " trials"
        : viewModel.filteredRows().size() + " of " + viewModel.rows().size() + " trials",
        viewModel.filteredRows(), viewModel.rows()));
  }

  /**
   * Selecting a row selects its trial in every plot; a trial selected in a plot selects its row
   * (when the filter shows it) and scrolls to it.
   */
  private void bindSelection() {
    boolean[] syncing = {false};
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
      // Rows are replaced as trials finish, which clears the selection for a moment: keep the trial.
      if (row != null && !syncing[0]) {
        syncing[0] = true;
        viewModel.selectedTrialProperty().set(row.number());
        syncing[0] = false;
      }
    });
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> {
      if (syncing[0]) {
        return;
      }
      syncing[0] = true;
      selectRow(number);
      syncing[0] = false;
    });
  }

  private void selectRow(Integer number) {
    if (number == null) {
      table.getSelectionModel().clearSelection();
      return;
    }
    for (TrialRow row : table.getItems()) {
      if (row.number() == number) {
        table.getSelectionModel().select(row);
        table.scrollTo(row);
        return;
      }
    }
  }

  /** Number, state and value, then one column per parameter, then duration. */
  private void fixColumns() {
    List<TableColumn<TrialRow, ?>> columns = new ArrayList<>(fixedColumns.subList(0, 2));
    int objectives = viewModel.directionsProperty().get().size();
    if (objectives == 1) {
      columns.add(fixedColumns.get(2));
    } else {
      for (int i = 0; i < objectives; i++) {
        int index = i;
        TableColumn<TrialRow, Double> c = column("Value " + (i + 1), 100, row -> row.value(index), TrialsView::number);
        c.setId("value-" + (i + 1));
        columns.add(c);
      }
    }
    for (String name : viewModel.parameterNames()) {
      TableColumn<TrialRow, Object> c = column(name, 100, row -> row.params().get(name), TrialsView::parameter);
      c.setId("param-" + name);
      columns.add(c);
    }
    columns.add(fixedColumns.get(3));
    table.getColumns().setAll(columns);
  }

  private static <T> TableColumn<TrialRow, T> column(String title, double width, Function<TrialRow, T> value,
      Function<T, String> text) {
    return TrialColumns.column(title, width, value, text);
  }

  private static String number(double v) {
    return TrialColumns.number(v);
  }

  private static String parameter(Object v) {
    return TrialColumns.parameter(v);
  }

  private static String duration(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }
}
