package io.parzen.cli;

/** How commands that print data print it. */
enum OutputFormat {
  table,
  json,
  csv
}
