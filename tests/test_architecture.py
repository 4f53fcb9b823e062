"""The architecture as a test: Qt stays in the shell, and each layer imports only those below it.

The layers, lowest first (the README's layout section says what each holds):

    model < storage < history < analysis < versions < validation < export, editing, templates
          < importing < render < pictures < canvas < ui < app, cli < __main__

Packages on one line of the tuple below are peers and must not import each other; the foundation
modules (the version, resources, console output, the GC pause) may be imported by anyone.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import blueprint_app

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "blueprint_app"

#: Lowest first; each entry a group of peers.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("model",),
    ("storage",),
    ("history",),
    ("analysis",),
    ("versions",),
    ("validation",),
    ("export", "editing", "templates"),
    ("importing",),
    ("render",),
    ("pictures",),
    ("canvas",),
    ("ui",),
    ("app", "cli"),
    ("__main__",),
)
#: Imported by any layer: they import nothing of the package but each other.
FOUNDATION = ("__init__", "resources", "console", "gc_pause")
#: The Qt shell: everything below it must import without Qt.
QT_SHELL = ("render", "pictures", "canvas", "ui", "app", "__main__")


def _part(module: str) -> str:
    """The top-level part of ``blueprint_app.X.Y`` ('__init__' for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(part: str) -> int:
    if part in FOUNDATION:
        return -1
    for index, group in enumerate(LAYERS):
        if part in group:
            return index
    raise AssertionError(f"blueprint_app.{part} is in no layer: add it to LAYERS")


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1] if len(parts) > 1 else parts
    return ".".join(parts)


def _imported(module: str, name: str) -> str:
    """``from blueprint_app import __version__`` imports the package, not a part of it."""
    if module == "blueprint_app":
        is_part = (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()
        return f"blueprint_app.{name}" if is_part else "blueprint_app"
    return f"{module}.{name}"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every ``blueprint_app`` module ``path`` imports, at any depth (in functions too), with
    relative imports (``from ..ui import x``) resolved against the module's own package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            found += [(node.lineno, _imported(module, alias.name)) for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "blueprint_app"]


def _violations() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "_resources" in path.parts:
            continue
        module = _module_name(path)
        own = _part(module) if module != "blueprint_app" else "__init__"
        for line, name in _imports(path):
            target = _part(name)
            if target == own or (target in FOUNDATION and own in FOUNDATION):
                continue
            if own in FOUNDATION:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: foundation imports {name}")
            elif _layer(target) >= _layer(own):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {name}")
    return wrong


def test_each_layer_imports_only_the_layers_below_it() -> None:
    assert _violations() == []


def test_the_layer_check_sees_a_wrong_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check would fail for a model module reaching into the shell (it can fail)."""
    bad = PACKAGE / "model" / "_layer_probe.py"
    bad.write_text(
        "from blueprint_app.ui.window.main_window import MainWindow\nfrom ..render import style\n"
    )
    try:
        found = _violations()
        assert any("_layer_probe.py:1: model imports blueprint_app.ui" in v for v in found)
        assert any("_layer_probe.py:2: model imports blueprint_app.render" in v for v in found)
    finally:
        bad.unlink()


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(blueprint_app.__path__, "blueprint_app."):
        if _part(info.name) not in QT_SHELL:
            names.append(info.name)
    return names


def test_core_packages_do_not_load_qt() -> None:
    modules = _core_modules()
    for expected in (
        "storage.reader",
        "history.undo",
        "validation.engine",
        "export.bpmn",
        "export.formats",
        "export.pipeline",
        "export.scope",
        "export.pdf_text_map",
        "editing.session",
        "editing.fragment",
        "analysis.layout",
        "analysis.routing",
        "templates",
        "cli",
        "gc_pause",
    ):
        assert f"blueprint_app.{expected}" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout}"


def test_a_text_export_from_the_command_line_loads_no_qt(tmp_path: Path) -> None:
    """``blueprint export x.md`` goes through the format table and pipeline without Qt."""
    code = (
        "import sys\n"
        "from blueprint_app.cli import main\n"
        f"code = main(['export', 'resources/examples/hotel-stay.blueprint.json', '-o', {str(tmp_path / 'x.md')!r}])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(code, ','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines()[-1].split() == ["0"], result.stdout + result.stderr
