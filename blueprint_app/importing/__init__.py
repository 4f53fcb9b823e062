"""Import of spreadsheets (CSV, Excel) into blueprints, without Qt (issue 19.3 and 19.4).

:mod:`~blueprint_app.importing.sheets` reads a file into rows of text cells whatever its
encoding, separator or format; :mod:`~blueprint_app.importing.headers` tells which column is
which; :mod:`~blueprint_app.importing.build` makes the blueprint and a report of what it skipped.
It sits above export and editing: it reads the export's column words and uses the paste's grid.
"""

from blueprint_app.importing.build import ImportRefused, ImportReport, import_file, import_rows

__all__ = ["ImportRefused", "ImportReport", "import_file", "import_rows"]
