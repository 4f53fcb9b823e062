"""The shell has no import circle: helpers never load the main window, and no ui module hides an
import of another inside a function (the way a circle is held open)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

UI = Path(__file__).parent.parent / "blueprint_app" / "ui"
MAIN_WINDOW = "blueprint_app.ui.window.main_window"


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return []


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_imports(tree: ast.Module) -> Iterator[tuple[str, bool]]:
    """Every import that runs, with whether it sits inside a function."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    yield from walk(other, in_function)
                continue
            for name in _imported(child):
                yield name, in_function
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            yield from walk(child, inside)

    yield from walk(tree, False)


def _ui_modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(UI.rglob("*.py")):
        yield str(path.relative_to(UI)), ast.parse(path.read_text(encoding="utf-8"))


def test_no_ui_module_loads_the_main_window() -> None:
    """Only the app wiring (app.py) creates main windows by class; helpers take what they need."""
    offenders = [
        name
        for name, tree in _ui_modules()
        if name != "window/main_window.py"
        and any(
            imported == MAIN_WINDOW or imported.startswith(MAIN_WINDOW + ".")
            for imported, _ in _run_time_imports(tree)
        )
    ]
    assert offenders == []


def test_no_ui_module_imports_another_inside_a_function() -> None:
    offenders = [
        (name, imported)
        for name, tree in _ui_modules()
        for imported, in_function in _run_time_imports(tree)
        if in_function and imported.startswith("blueprint_app.ui")
    ]
    assert offenders == []


def test_the_checks_see_a_hidden_import() -> None:
    """The walk finds an import in a function and skips one under TYPE_CHECKING."""
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from blueprint_app.ui.window.main_window import MainWindow\n"
        "def f():\n    from blueprint_app.ui.window import main_window\n"
    )
    found = list(_run_time_imports(tree))
    assert ("blueprint_app.ui.window.main_window.MainWindow", False) not in found
    assert ("blueprint_app.ui.window", True) in found
    assert ("blueprint_app.ui.window.main_window", True) in found


#: Modules outside ui/window/ that may name the MainWindow type: they open windows and return them.
OPENS_WINDOWS = {"files/recovery_offer.py"}


def test_helpers_outside_the_window_package_do_not_even_name_the_main_window() -> None:
    """Docks, exports and files take a Protocol or the session: the whole window is no one's
    service locator (TYPE_CHECKING imports count here too)."""
    offenders = [
        name
        for name, tree in _ui_modules()
        if not name.startswith("window/")
        and name not in OPENS_WINDOWS
        and any(MAIN_WINDOW in imported for node in ast.walk(tree) for imported in _imported(node))
    ]
    assert offenders == []
