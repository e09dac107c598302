package io.parzen.app.run;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Columns of the tables of trials (the trials table, the Pareto front's best trials): values as text. */
public final class TrialColumns {

  private TrialColumns() {}

  /** A column titled {@code title} showing {@code value} of each row as {@code text} makes it; empty for null. */
  public static <T> TableColumn<TrialRow, T> column(String title, double width, Function<TrialRow, T> value,
      Function<T, String> text) {
    TableColumn<TrialRow, T> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
      }
    });
    if (!"State".equals(title)) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  /** A value as the tables show it: six significant digits. */
  public static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** A parameter value: numbers as {@link #number}, choices as they are. */
  public static String parameter(Object v) {
    return v instanceof Double d ? number(d) : v.toString();
  }
}
