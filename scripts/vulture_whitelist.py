"""Names vulture reports unused that are used: called by Qt, pydantic, argparse, pytest or the
standard library by their name, or kept to hold an object alive. scripts/test runs vulture with
this file (configured in pyproject.toml), so anything else it finds unused fails the tests:
delete the dead code, or add the name here with the reason."""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Qt calls these overrides of its virtual methods.
_.hoverEnterEvent
_.hoverMoveEvent
_.hoverLeaveEvent
_.eventFilter
_.mimeTypes
_.sizeHint
_.closeEvent
_.dragEnterEvent
_.dropEvent
_.filterAcceptsRow  # the Table dock's filter, its delegate's editors (ui/docks/step_table.py)
_.createEditor
_.setEditorData
_.setModelData
_.drawForeground

# html.parser.HTMLParser calls these overrides (the spec tests' table reader).
_.handle_starttag
_.handle_endtag
_.handle_data

# pydantic reads the model configuration; argparse reads the subparsers' flag.
_.model_config
_.required

# pydantic calls these by their decorators: an arrival window writes its start as "from"; the
# arrivals hold either a rate or a schedule (model/blueprint.py).
_._file_names
_._one_of

# Keeps the scene's items' Python owner alive as long as the scene (render/scene_builder.py).
_._blueprint_items

# pytest runs autouse fixtures and reads a module's marks; the migration test registers its
# migration by decorator.
_.pytestmark
_.private_settings
_.isolated
_.no_thread_warnings
_.route_later
_.rename_collections

# pikepdf writes a PDF dictionary's keys as attributes (a test turns a font into another kind).
_.Subtype

# A module-level __getattr__ imports networkx on first use (analysis/__init__.py).
_.__getattr__

# A merge conflict's kinds (model/blueprint.py ConflictKind): pydantic reads them from files.
_.LANE
_.PHASE
_.STEP
_.NOTE
